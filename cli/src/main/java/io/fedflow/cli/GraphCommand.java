package io.fedflow.cli;

import io.fedflow.cli.WorkflowLoader.Failed;
import io.fedflow.cli.WorkflowLoader.Loaded;
import io.fedflow.cli.WorkflowLoader.Planned;
import io.fedflow.dag.plan.Plan;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fedflow graph FILE}: the job graph, for Graphviz or for the terminal. */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    description = {
      "Draw the job graph of a workflow.",
      "One node per job, a fan-out as one stacked node with its instance count.",
      "dot: input for Graphviz, e.g. fedflow graph FILE | dot -Tsvg > graph.svg",
      "text: the jobs in steps, each step after the jobs it needs."
    })
final class GraphCommand implements Callable<Integer>, Exit.Documented {
  enum Format {
    DOT,
    TEXT
  }

  @Parameters(paramLabel = "FILE", description = "The workflow file.")
  Path file;

  @Mixin ParamOptions params;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "dot",
      description = "dot or text (default: ${DEFAULT-VALUE}).")
  Format format;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Loaded loaded = WorkflowLoader.load(file, params.values);
    if (loaded instanceof Failed f) {
      f.messages().forEach(spec.commandLine().getErr()::println);
      return f.exitCode();
    }
    Plan plan = ((Planned) loaded).plan();
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case DOT -> DotGraph.print(plan, out);
      case TEXT -> TextGraph.print(plan, out);
    }
    return Exit.OK;
  }

  @Override
  public int[] exitCodes() {
    return Exit.FILE_COMMANDS;
  }
}
