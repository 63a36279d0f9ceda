package io.fedflow.cli;

import io.fedflow.cli.WorkflowLoader.Failed;
import io.fedflow.cli.WorkflowLoader.Loaded;
import io.fedflow.cli.WorkflowLoader.Planned;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code fedflow validate FILE...}: checks workflow files and plans them, reporting every error.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = {
      "Check workflow files and report every problem.",
      "Checks the YAML, every field, the job graph, and that each workflow plans with the"
          + " parameters given. Prints each problem on stderr as"
          + " FILE:LINE:COLUMN: FIELD: expected X but found Y, and one line per file."
    })
final class ValidateCommand implements Callable<Integer>, Exit.Documented {
  @Parameters(paramLabel = "FILE", arity = "1..*", description = "Workflow files to check.")
  List<Path> files;

  @Mixin ParamOptions params;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int exit = Exit.OK;
    int invalid = 0;
    int unreadable = 0;
    for (Path file : files) {
      Loaded loaded = WorkflowLoader.load(file, params.values);
      if (loaded instanceof Planned p) {
        out.println(file + ": ok, " + PlanWords.summary(p.plan()));
        out.flush();
      } else if (loaded instanceof Failed f) {
        f.messages().forEach(err::println);
        if (f.exitCode() == Exit.UNREADABLE) {
          unreadable++;
        } else {
          invalid++;
          err.println(file + ": invalid, " + PlanWords.count(f.messages().size(), "problem"));
        }
        err.flush();
        exit = Math.max(exit, f.exitCode());
      }
    }
    if (files.size() > 1) {
      printTotals(invalid, unreadable, exit == Exit.OK ? out : err);
    }
    return exit;
  }

  private void printTotals(int invalid, int unreadable, PrintWriter to) {
    int ok = files.size() - invalid - unreadable;
    String line = PlanWords.count(files.size(), "file") + ": " + ok + " ok";
    line += invalid > 0 ? ", " + invalid + " invalid" : "";
    line += unreadable > 0 ? ", " + unreadable + " unreadable" : "";
    to.println(line);
    to.flush();
  }

  @Override
  public int[] exitCodes() {
    return Exit.FILE_COMMANDS;
  }
}
