package io.fedflow.cli;

import io.fedflow.dag.Dependency;
import io.fedflow.dag.JobSpec;
import io.fedflow.dag.plan.Plan;
import java.util.stream.Collectors;

/** How a plan and its jobs read in the output of every command. */
final class PlanWords {
  private PlanWords() {}

  /** {@code 7 jobs, 14 instances}. */
  static String summary(Plan plan) {
    return count(plan.jobs().size(), "job") + ", " + count(plan.instanceCount(), "instance");
  }

  /** {@code 1 job}, {@code 2 jobs}. */
  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  /** The needs as written in YAML: {@code prepare, simulate[item]}. */
  static String needs(JobSpec spec) {
    return spec.needs().stream().map(Dependency::toString).collect(Collectors.joining(", "));
  }
}
