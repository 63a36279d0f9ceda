package io.fedflow.cli;

import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import io.fedflow.engine.RunRecord;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * What {@code run} and {@code resume} print when the run ends: its state, counts and time, the jobs
 * that failed with their exit codes and error output, and where the logs are.
 *
 * <pre>
 * run 20261125-193201-ab12 (diamond) failed after 0:00:02: 1 succeeded, 1 failed, 2 skipped
 * failed: upper, exit code 3, its error output in /home/ada/.fedflow/runs/.../attempts/upper/1/stderr
 * see a job's output with: fedflow logs 20261125-193201-ab12 JOB [--stderr]
 * logs: /home/ada/.fedflow/runs/20261125-193201-ab12/fedflow.log
 * </pre>
 */
final class RunSummary {
  /** More failed jobs than this are counted rather than listed: {@code fedflow status} has them. */
  static final int FAILED_LISTED = 10;

  private RunSummary() {}

  /**
   * @param stderr the error output file of a job's latest attempt
   */
  static List<String> lines(
      RunRecord run, List<JobRow> jobs, Function<JobRow, Path> stderr, Instant now) {
    List<String> lines = new ArrayList<>();
    lines.add(RunWords.headline(run, RunWords.countsOf(jobs), now));
    List<JobRow> failed = jobs.stream().filter(j -> j.state() == JobState.FAILED).toList();
    for (JobRow j : failed.subList(0, Math.min(failed.size(), FAILED_LISTED))) {
      String exit = j.exitCode() == null ? "no exit code" : "exit code " + j.exitCode();
      String where = j.attempt() == 0 ? "never started" : "its error output in " + stderr.apply(j);
      lines.add("failed: " + j.instanceId() + ", " + exit + ", " + where);
    }
    if (failed.size() > FAILED_LISTED) {
      lines.add(
          "failed: "
              + (failed.size() - FAILED_LISTED)
              + " more (fedflow status "
              + run.id()
              + " --all lists them)");
    }
    if (!failed.isEmpty()) {
      lines.add("see a job's output with: fedflow logs " + run.id() + " JOB [--stderr]");
    }
    lines.add("logs: " + Path.of(run.runDir()).resolve(RunLog.FILE));
    return lines;
  }
}
