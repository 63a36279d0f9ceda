package io.fedflow.cli;

import io.fedflow.dag.plan.Plan;
import io.fedflow.dag.plan.PlannedJob;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The job graph for a terminal: jobs grouped in steps, each after the jobs it needs, with a fan-out
 * as one line and its instance count.
 *
 * <pre>
 * 1      prepare
 * 2      simulate ×1000     ← prepare
 * 3      reconstruct ×1000  ← simulate[item]
 * final  cleanup            ← reconstruct (always)
 * </pre>
 */
final class TextGraph {
  private TextGraph() {}

  static void print(Plan plan, PrintWriter out) {
    out.println(plan.workflow().name() + ": " + PlanWords.summary(plan));
    out.println();
    Map<String, Integer> steps = GraphShape.steps(plan);
    // A stable sort: within a step, jobs keep the plan's order.
    List<PlannedJob> ordered =
        plan.jobs().stream()
            .filter(j -> !j.isFinal())
            .sorted(Comparator.comparing(j -> steps.get(j.id())))
            .toList();
    Table t = new Table().column("STEP").column("JOB").column("NEEDS");
    int previous = 0;
    for (PlannedJob job : ordered) {
      int step = steps.get(job.id());
      String needs = PlanWords.needs(job.spec());
      t.row(
          step == previous ? "" : Integer.toString(step),
          label(job),
          needs.isEmpty() ? "" : "← " + needs);
      previous = step;
    }
    if (plan.finalJob().isPresent()) {
      String after =
          GraphShape.sinks(plan).stream().map(PlannedJob::id).collect(Collectors.joining(", "));
      t.row(
          "final", label(plan.finalJob().get()), "← " + after + " (always, even after a failure)");
    }
    t.print(out, false);
  }

  private static String label(PlannedJob job) {
    return job.fansOut() ? job.id() + " ×" + job.size() : job.id();
  }
}
