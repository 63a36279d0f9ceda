package io.fedflow.cli;

import io.fedflow.dag.Dependency;
import io.fedflow.dag.plan.Plan;
import io.fedflow.dag.plan.PlannedJob;
import java.io.PrintWriter;

/**
 * The job graph in Graphviz DOT: a box per job, a stacked box ({@code box3d}) for a fan-out
 * labelled with its instance count, dashed {@code [item]} edges for item-wise needs, and the final
 * job as an octagon reached by dotted edges from the jobs it runs after.
 */
final class DotGraph {
  private DotGraph() {}

  static void print(Plan plan, PrintWriter out) {
    out.println("digraph " + quoted(plan.workflow().name()) + " {");
    out.println(
        "  graph [rankdir=TB, labelloc=t, fontname=\"Helvetica\", label="
            + quoted(plan.workflow().name() + ": " + PlanWords.summary(plan))
            + "];");
    out.println("  node [fontname=\"Helvetica\"];");
    out.println("  edge [fontname=\"Helvetica\", fontsize=10];");
    for (PlannedJob job : plan.jobs()) {
      out.println("  " + quoted(job.id()) + " [" + nodeAttributes(job) + "];");
    }
    for (PlannedJob job : plan.jobs()) {
      for (Dependency d : job.spec().needs()) {
        String edge = "  " + quoted(d.job()) + " -> " + quoted(job.id());
        out.println(edge + (d.itemwise() ? " [style=dashed, label=\"[item]\"];" : ";"));
      }
    }
    if (plan.finalJob().isPresent()) {
      String f = quoted(plan.finalJob().get().id());
      for (PlannedJob last : GraphShape.sinks(plan)) {
        out.println("  " + quoted(last.id()) + " -> " + f + " [style=dotted];");
      }
    }
    out.println("}");
  }

  private static String nodeAttributes(PlannedJob job) {
    if (job.isFinal()) {
      return "shape=octagon, label=" + quoted(job.id() + "\\n(final)");
    }
    if (job.fansOut()) {
      return "shape=box3d, label="
          + quoted(job.id() + "\\n" + PlanWords.count(job.size(), "instance"));
    }
    return "shape=box, style=rounded, label=" + quoted(job.id());
  }

  /**
   * A DOT string. Job ids and workflow names have no backslashes, so one in {@code text} is meant
   * as a DOT escape such as the line break {@code \n}.
   */
  static String quoted(String text) {
    return "\"" + text.replace("\"", "\\\"") + "\"";
  }
}
