package io.fedflow.cli;

import io.fedflow.engine.Engine;
import io.fedflow.engine.site.SitesFile;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fedflow resume RUN}: follows a recorded run to its end, as run does. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = {
      "Go on with a run to its end, showing its progress as run does.",
      "For a run whose process was stopped or killed, or that was submitted: jobs that were"
          + " running are found again at their site, the others are started, on the sites the run"
          + " recorded when it was submitted (its --sites file, or this machine). A finished run"
          + " just shows its summary."
    })
final class ResumeCommand implements Callable<Integer>, Exit.Documented {
  @Parameters(paramLabel = "RUN", description = HomeOption.RUN_DESCRIPTION)
  String runId;

  @Mixin HomeOption home;

  @Option(
      names = "--sites",
      paramLabel = "FILE",
      description =
          "A sites file to go on with from now on, in place of the one the run recorded (to mend"
              + " a site's URL or token file, say). Every site holding jobs of the run must be in"
              + " it. Without it, the run goes on on the sites it recorded.")
  Path sitesFile;

  @Mixin DisplayOptions display;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try (Engine engine = home.open()) {
      return RunFollower.follow(
          engine,
          home.run(engine, runId),
          sitesFile == null ? null : SitesFile.read(sitesFile),
          display,
          spec.commandLine().getOut(),
          spec.commandLine().getErr(),
          Clock.systemUTC());
    }
  }

  @Override
  public int[] exitCodes() {
    return Exit.RESUME_COMMAND;
  }
}
