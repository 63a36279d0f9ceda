package io.fedflow.cli;

import io.fedflow.engine.Engine;
import io.fedflow.engine.RunRecord;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fedflow cancel RUN}: asks for a run to be cancelled. */
@Command(
    name = "cancel",
    mixinStandardHelpOptions = true,
    description = {
      "Cancel a run.",
      "Records the cancellation at once. The process following the run cancels its jobs at"
          + " their sites and ends it as cancelled; if none follows it, 'fedflow resume RUN' does."
    })
final class CancelCommand implements Callable<Integer>, Exit.Documented {
  @Parameters(paramLabel = "RUN", description = HomeOption.RUN_DESCRIPTION)
  String runId;

  @Mixin HomeOption home;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (Engine engine = home.open()) {
      RunRecord run = home.run(engine, runId);
      runId = run.id();
      if (run.state().isTerminal()) {
        out.println(
            "Run "
                + runId
                + " has already ended ("
                + RunWords.state(run.state())
                + "): nothing to"
                + " cancel.");
        return Exit.OK;
      }
      boolean followed = engine.orphanedRuns().stream().noneMatch(r -> r.id().equals(runId));
      engine.cancel(runId);
      out.println(
          followed
              ? "Cancelling run " + runId + ": the process following it cancels its jobs."
              : "Cancelling run "
                  + runId
                  + ": no process follows it, so 'fedflow resume "
                  + runId
                  + "' cancels its jobs.");
    }
    return Exit.OK;
  }

  @Override
  public int[] exitCodes() {
    return Exit.LOOKUP_COMMANDS;
  }
}
