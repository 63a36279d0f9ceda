package io.fedflow.cli;

import io.fedflow.engine.Engine;
import io.fedflow.engine.JobState;
import io.fedflow.engine.RunRecord;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code fedflow runs}: the recorded runs. */
@Command(
    name = "runs",
    mixinStandardHelpOptions = true,
    description = {
      "List the runs, newest first.",
      "One row per run: its id, workflow, state, when it was created, how long it took (or has"
          + " taken so far) and its job instances done out of all."
    })
final class RunsCommand implements Callable<Integer>, Exit.Documented {
  @Mixin HomeOption home;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Engine engine = home.open()) {
      List<RunRecord> runs = engine.runs();
      if (runs.isEmpty()) {
        out.println("No runs in " + home.home + " yet: 'fedflow run FILE' starts one.");
        return Exit.OK;
      }
      Map<String, Map<JobState, Long>> counts = new HashMap<>();
      for (RunRecord run : runs) {
        counts.put(run.id(), engine.counts(run.id()));
      }
      RunsTable.print(runs, counts, Instant.now(), ZoneId.systemDefault(), out);
    }
    return Exit.OK;
  }

  @Override
  public int[] exitCodes() {
    return Exit.LOOKUP_COMMANDS;
  }
}
