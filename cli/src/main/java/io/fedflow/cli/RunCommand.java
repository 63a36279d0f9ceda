package io.fedflow.cli;

import io.fedflow.cli.WorkflowLoader.Failed;
import io.fedflow.cli.WorkflowLoader.Loaded;
import io.fedflow.cli.WorkflowLoader.Planned;
import io.fedflow.engine.Engine;
import io.fedflow.engine.RunRecord;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fedflow run FILE}: runs a workflow to its end here, showing its progress. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a workflow to its end, showing its progress.",
      "Checks and plans the workflow as validate does, records it as a new run, then runs its jobs"
          + " on this machine, or on the sites of --sites FILE. On a terminal a progress bar shows the jobs done, the count in each"
          + " state, the jobs running now and the time; otherwise (or with --plain) a line when the"
          + " counts change, at most every few seconds. At the end: the run's state, the failed"
          + " jobs with their exit codes and error output, and where the logs are. If interrupted,"
          + " 'fedflow resume RUN' goes on with the run."
    })
final class RunCommand implements Callable<Integer>, Exit.Documented {
  @Parameters(paramLabel = "FILE", description = "The workflow file.")
  Path file;

  @Mixin ParamOptions params;

  @Mixin HomeOption home;

  @Mixin SitesOption sites;

  @Mixin DisplayOptions display;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Loaded loaded = WorkflowLoader.load(file, params.values);
    if (loaded instanceof Failed f) {
      f.messages().forEach(spec.commandLine().getErr()::println);
      return f.exitCode();
    }
    Planned planned = (Planned) loaded;
    try (Engine engine = home.open()) {
      RunRecord run =
          engine.submit(planned.plan().workflow(), file.toString(), params.values, sites.read());
      return RunFollower.follow(
          engine,
          run,
          null,
          display,
          spec.commandLine().getOut(),
          spec.commandLine().getErr(),
          Clock.systemUTC());
    }
  }

  @Override
  public int[] exitCodes() {
    return Exit.RUN_COMMAND;
  }
}
