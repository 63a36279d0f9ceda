package io.fedflow.cli;

import io.fedflow.dag.Durations;
import io.fedflow.dag.JobSpec;
import io.fedflow.dag.Resources;
import io.fedflow.dag.plan.Plan;
import io.fedflow.dag.plan.PlannedJob;
import java.io.PrintWriter;

/** The jobs of a plan, one row each, with the workflow defaults applied. */
final class JobTable {
  private JobTable() {}

  static void print(Plan plan, PrintWriter out) {
    Table t =
        new Table()
            .column("JOB")
            .numberColumn("INSTANCES")
            .column("NEEDS")
            .numberColumn("CPUS")
            .numberColumn("GPUS")
            .numberColumn("MEMORY")
            .numberColumn("WALLTIME")
            .numberColumn("RETRIES")
            .column("CATEGORY");
    for (PlannedJob job : plan.jobs()) {
      JobSpec s = job.spec();
      Resources r = s.resources();
      t.row(
          job.id(),
          Long.toString(job.size()),
          job.isFinal() ? "(final: runs last, always)" : orDash(PlanWords.needs(s)),
          orDash(r.cpus()),
          gpus(r),
          orDash(r.memory()),
          r.walltime() == null ? "-" : Durations.format(r.walltime()),
          s.retry() == null ? "-" : Integer.toString(s.retry().count()),
          orDash(s.category()));
    }
    t.print(out, true);
  }

  private static String gpus(Resources r) {
    if (r.gpuModel() == null) {
      return orDash(r.gpus());
    }
    return (r.gpus() == null ? "" : r.gpus() + " ") + r.gpuModel();
  }

  private static String orDash(Object value) {
    return value == null || value.toString().isEmpty() ? "-" : value.toString();
  }
}
