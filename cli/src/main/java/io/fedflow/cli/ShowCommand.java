package io.fedflow.cli;

import io.fedflow.cli.WorkflowLoader.Failed;
import io.fedflow.cli.WorkflowLoader.Loaded;
import io.fedflow.cli.WorkflowLoader.Planned;
import io.fedflow.dag.Limits;
import io.fedflow.dag.Workflow;
import io.fedflow.dag.plan.Plan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fedflow show FILE}: the planned jobs as a table, and the ids of their instances. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    description = {
      "Show the jobs of a workflow as they would run.",
      "One row per job: its instances, needs and resources, workflow defaults applied. Then the"
          + " instance ids of fan-outs, elided in the middle, when the workflow has at most "
          + ShowCommand.SMALL
          + " instances or with --instances; every id with --all."
    })
final class ShowCommand implements Callable<Integer>, Exit.Documented {
  /** Up to this many instances, their ids are listed without asking. */
  static final int SMALL = 1000;

  @Parameters(paramLabel = "FILE", description = "The workflow file.")
  Path file;

  @Mixin ParamOptions params;

  @Option(
      names = "--instances",
      description = "List instance ids, eliding the middle of big fan-outs.")
  boolean instances;

  @Option(names = "--all", description = "List every instance id, one per line.")
  boolean all;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Loaded loaded = WorkflowLoader.load(file, params.values);
    if (loaded instanceof Failed f) {
      f.messages().forEach(spec.commandLine().getErr()::println);
      return f.exitCode();
    }
    Plan plan = ((Planned) loaded).plan();
    printHeading(plan, out);
    out.println();
    JobTable.print(plan, out);
    if (!InstanceList.hasFanOut(plan)) {
      return Exit.OK;
    }
    out.println();
    if (all) {
      InstanceList.printAll(plan, out);
    } else if (instances || plan.instanceCount() <= SMALL) {
      InstanceList.printElided(plan, out);
    } else {
      out.println(
          "Instance ids not listed ("
              + PlanWords.count(plan.instanceCount(), "instance")
              + "): use --instances, or --all for every one.");
    }
    return Exit.OK;
  }

  private static void printHeading(Plan plan, PrintWriter out) {
    Workflow wf = plan.workflow();
    out.println(wf.name() + ": " + PlanWords.summary(plan));
    if (wf.description() != null && !wf.description().isBlank()) {
      out.println(wf.description().strip());
    }
    if (!plan.params().isEmpty()) {
      out.println("params: " + pairs(plan.params()));
    }
    Limits limits = wf.limits();
    if (!limits.isEmpty()) {
      List<String> parts = new ArrayList<>();
      if (limits.maxInFlight() != null) {
        parts.add("at most " + limits.maxInFlight() + " jobs in flight");
      }
      limits.categories().forEach((c, n) -> parts.add("at most " + n + " of category " + c));
      out.println("limits: " + String.join(", ", parts));
    }
  }

  private static String pairs(Map<String, String> m) {
    List<String> parts = new ArrayList<>();
    m.forEach((k, v) -> parts.add(k + "=" + v));
    return String.join(", ", parts);
  }

  @Override
  public int[] exitCodes() {
    return Exit.FILE_COMMANDS;
  }
}
