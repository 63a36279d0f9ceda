package io.fedflow.engine.core;

import io.fedflow.dag.plan.JobInstance;
import io.fedflow.dag.plan.PlannedJob;
import io.fedflow.engine.JobRow;

/**
 * One attempt to hand to a site: its row as recorded (SUBMITTING, with token, attempt and site) and
 * its job, which renders the instance when asked.
 */
public record SubmitOrder(JobRow row, PlannedJob job) {

  /** The instance with its templates rendered: done here, not in the decider, as it costs. */
  public JobInstance instance() {
    return job.instance(row.index());
  }

  public String token() {
    return row.token();
  }

  public String site() {
    return row.site();
  }

  public int attempt() {
    return row.attempt();
  }
}
