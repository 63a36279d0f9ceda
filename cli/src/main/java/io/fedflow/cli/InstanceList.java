package io.fedflow.cli;

import io.fedflow.dag.plan.Plan;
import io.fedflow.dag.plan.PlannedJob;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The instance ids of a plan's fan-outs. Ids are computed one at a time from the plan, so listing a
 * few of a million-instance fan-out costs a few, and listing all of it holds none in memory.
 */
final class InstanceList {
  /** A fan-out with more instances than this shows only its first and last ones. */
  static final int ELIDED_ABOVE = 5;

  private static final int SHOWN_AT_EACH_END = 2;

  /** How often --all checks that its output is still read: checking flushes. */
  private static final int CHECKED_EVERY = 8192;

  private InstanceList() {}

  static boolean hasFanOut(Plan plan) {
    return plan.jobs().stream().anyMatch(PlannedJob::fansOut);
  }

  /**
   * {@code simulate simulate[000] simulate[001] … simulate[998] simulate[999] (1000 instances)}.
   */
  static void printElided(Plan plan, PrintWriter out) {
    Table t = new Table().column("JOB").column("INSTANCE IDS");
    for (PlannedJob job : plan.jobs()) {
      if (job.fansOut()) {
        t.row(job.id(), elided(job));
      }
    }
    t.print(out, true);
  }

  private static String elided(PlannedJob job) {
    long n = job.size();
    if (n == 0) {
      return "(no instances)";
    }
    if (n <= ELIDED_ABOVE) {
      return String.join(" ", ids(job, 0, n));
    }
    List<String> shown = ids(job, 0, SHOWN_AT_EACH_END);
    shown.add("…");
    shown.addAll(ids(job, n - SHOWN_AT_EACH_END, n));
    return String.join(" ", shown) + " (" + PlanWords.count(n, "instance") + ")";
  }

  private static List<String> ids(PlannedJob job, long from, long to) {
    List<String> ids = new ArrayList<>();
    for (long i = from; i < to; i++) {
      ids.add(job.instanceId(i));
    }
    return ids;
  }

  /**
   * Every instance id of every fan-out, one per line under its job. Stops early when the reader has
   * gone ({@code fedflow show --all big.yaml | head}), rather than computing ids no one reads.
   */
  static void printAll(Plan plan, PrintWriter out) {
    for (PlannedJob job : plan.jobs()) {
      if (job.fansOut()) {
        out.println(job.id() + " (" + PlanWords.count(job.size(), "instance") + ")");
        for (long i = 0; i < job.size(); i++) {
          out.println("  " + job.instanceId(i));
          if (i % CHECKED_EVERY == 0 && out.checkError()) {
            return;
          }
        }
      }
    }
  }
}
