package io.fedflow.cli;

import io.fedflow.dag.Dependency;
import io.fedflow.dag.plan.Plan;
import io.fedflow.dag.plan.PlannedJob;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Where each job sits in the job graph, for drawing it. */
final class GraphShape {
  private GraphShape() {}

  /**
   * The step of each job but the final one: 1 for a job that needs nothing, else one more than the
   * latest step among the jobs it needs. Jobs of one step could all run at once.
   */
  static Map<String, Integer> steps(Plan plan) {
    Map<String, Integer> steps = new HashMap<>();
    for (PlannedJob job : plan.jobs()) { // topological order: what a job needs comes first
      if (!job.isFinal()) {
        int step = 1;
        for (Dependency d : job.spec().needs()) {
          step = Math.max(step, steps.get(d.job()) + 1);
        }
        steps.put(job.id(), step);
      }
    }
    return steps;
  }

  /** The jobs no other job needs, the final job aside: the final job runs after these. */
  static List<PlannedJob> sinks(Plan plan) {
    Set<String> needed = new HashSet<>();
    plan.jobs().forEach(j -> j.spec().needs().forEach(d -> needed.add(d.job())));
    return plan.jobs().stream().filter(j -> !j.isFinal() && !needed.contains(j.id())).toList();
  }
}
