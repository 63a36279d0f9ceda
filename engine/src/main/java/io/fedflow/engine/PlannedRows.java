package io.fedflow.engine;

import io.fedflow.dag.plan.Plan;
import io.fedflow.dag.plan.PlannedJob;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The rows of a new run, every instance waiting, in plan order, made one at a time as the store
 * asks for them: a fan-out of a million is never a list of a million rows.
 */
final class PlannedRows implements Iterator<JobRow> {
  private final List<PlannedJob> jobs;
  private final Instant now;
  private int job;
  private long index;

  PlannedRows(Plan plan, Instant now) {
    this.jobs = plan.jobs();
    this.now = now;
  }

  @Override
  public boolean hasNext() {
    while (job < jobs.size() && index >= jobs.get(job).size()) {
      job++;
      index = 0;
    }
    return job < jobs.size();
  }

  @Override
  public JobRow next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    PlannedJob j = jobs.get(job);
    long i = index++;
    return JobRow.waiting(j.instanceId(i), j.id(), i, now);
  }
}
