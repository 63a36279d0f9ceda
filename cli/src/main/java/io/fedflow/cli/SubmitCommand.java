package io.fedflow.cli;

import io.fedflow.cli.WorkflowLoader.Failed;
import io.fedflow.cli.WorkflowLoader.Loaded;
import io.fedflow.cli.WorkflowLoader.Planned;
import io.fedflow.engine.Engine;
import io.fedflow.engine.RunRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fedflow submit FILE}: records a run and runs it in the background. */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    description = {
      "Record a run of a workflow and run it in the background.",
      "Checks and plans the workflow as run does, records the run, starts a process of its own"
          + " that follows it to its end (its output goes to the file "
          + Background.OUTPUT
          + " in the run's folder), prints the run's id and returns. Then: fedflow status RUN,"
          + " fedflow logs RUN JOB, fedflow cancel RUN."
    })
final class SubmitCommand implements Callable<Integer>, Exit.Documented {
  @Parameters(paramLabel = "FILE", description = "The workflow file.")
  Path file;

  @Mixin ParamOptions params;

  @Mixin HomeOption home;

  @Mixin SitesOption sites;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Loaded loaded = WorkflowLoader.load(file, params.values);
    if (loaded instanceof Failed f) {
      f.messages().forEach(err::println);
      return f.exitCode();
    }
    RunRecord run;
    try (Engine engine = home.open()) {
      run =
          engine.submit(
              ((Planned) loaded).plan().workflow(), file.toString(), params.values, sites.read());
    }
    try {
      Path output = Background.start(run.id(), home.home, Path.of(run.runDir()));
      spec.commandLine().getOut().println(run.id());
      spec.commandLine().getOut().flush();
      err.println(
          "fedflow: run "
              + run.id()
              + " ("
              + run.workflowName()
              + ") goes on in the background, its output in "
              + output);
      return Exit.OK;
    } catch (IOException e) {
      err.println(
          "fedflow: run "
              + run.id()
              + " is recorded but no process follows it: "
              + e.getMessage()
              + "; 'fedflow resume "
              + run.id()
              + "' runs it");
      return Exit.INTERNAL;
    }
  }

  @Override
  public int[] exitCodes() {
    return Exit.SUBMIT_COMMAND;
  }
}
