package io.fedflow.cli;

import io.fedflow.engine.JobState;
import io.fedflow.engine.RunRecord;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** The runs of a home, newest first, one row each: {@code fedflow runs}. */
final class RunsTable {
  private RunsTable() {}

  /**
   * @param counts each run's instances per state, by run id
   */
  static void print(
      List<RunRecord> runs,
      Map<String, Map<JobState, Long>> counts,
      Instant now,
      ZoneId zone,
      PrintWriter out) {
    Table t =
        new Table()
            .column("RUN")
            .column("WORKFLOW")
            .column("STATE")
            .column("CREATED")
            .numberColumn("ELAPSED")
            .numberColumn("DONE");
    for (RunRecord run : runs) {
      Map<JobState, Long> c = counts.getOrDefault(run.id(), Map.of());
      long total = c.values().stream().mapToLong(Long::longValue).sum();
      long done =
          c.entrySet().stream()
              .filter(e -> e.getKey().isTerminal())
              .mapToLong(Map.Entry::getValue)
              .sum();
      t.row(
          run.id(),
          run.workflowName(),
          RunWords.state(run.state()),
          RunWords.date(run.createdAt(), zone),
          RunWords.elapsed(RunWords.elapsed(run, now)),
          done + "/" + total);
    }
    t.print(out, true);
  }
}
