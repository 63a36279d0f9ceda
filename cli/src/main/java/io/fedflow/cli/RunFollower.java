package io.fedflow.cli;

import io.fedflow.engine.Engine;
import io.fedflow.engine.RunRecord;
import io.fedflow.engine.RunState;
import io.fedflow.engine.site.SitesFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Follows a run to its end in this process, for {@code run} and {@code resume}: a line naming the
 * run, the live display, the run's log file, then the summary. Interrupted (Ctrl-C), it says how to
 * go on, since the run's state is safe in the database.
 */
final class RunFollower {
  private RunFollower() {}

  /**
   * Returns the exit code for the run's end.
   *
   * @param sites a sites file to follow the run on from now on, or null for the run's own
   */
  static int follow(
      Engine engine,
      RunRecord run,
      SitesFile sites,
      DisplayOptions display,
      PrintWriter out,
      PrintWriter err,
      Clock clock) {
    out.println("run " + run.id() + " (" + run.workflowName() + ") in " + run.runDir());
    out.flush();
    ProgressDisplay progress = display.open(run.workflowName(), out);
    Thread interrupted =
        new Thread(
            () -> {
              progress.close();
              out.flush();
              err.println(
                  "fedflow: stopped following run "
                      + run.id()
                      + "; 'fedflow resume "
                      + run.id()
                      + "' goes on with it");
              err.flush();
            });
    Runtime.getRuntime().addShutdownHook(interrupted);
    RunState end;
    RunLog log = RunLog.attach(Path.of(run.runDir()));
    try {
      end = engine.follow(run.id(), sites, progress);
    } finally {
      log.close();
      progress.close();
      try {
        Runtime.getRuntime().removeShutdownHook(interrupted);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or about to: it says what happened
      }
    }
    RunRecord ended = engine.run(run.id()).orElse(run);
    RunSummary.lines(
            ended,
            engine.jobs(run.id()),
            j -> engine.attempts().logFile(run.id(), j.instanceId(), j.attempt(), "stderr"),
            clock.instant())
        .forEach(out::println);
    out.flush();
    return Exit.of(end);
  }
}
