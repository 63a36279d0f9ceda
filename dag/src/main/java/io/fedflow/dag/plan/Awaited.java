package io.fedflow.dag.plan;

/**
 * What one job instance waits for from one job it needs, described without listing instances: a
 * fan-in waits for all of a million instances as one {@link AllOf}.
 */
public sealed interface Awaited {

  /** The job waited for. */
  PlannedJob job();

  /** Every instance of {@code job} (a fan-in, or simply the job when it does not fan out). */
  record AllOf(PlannedJob job) implements Awaited {
    /** {@code all of simulate (1000000)}, or the job's id when it has one instance. */
    @Override
    public String toString() {
      return job.fansOut() ? "all of " + job.id() + " (" + job.size() + ")" : job.id();
    }
  }

  /** The instance of {@code job} with the same index: an item-wise pairing. */
  record SameItem(PlannedJob job, long index) implements Awaited {
    public String instanceId() {
      return job.instanceId(index);
    }

    /** {@code simulate[017]}. */
    @Override
    public String toString() {
      return instanceId();
    }
  }
}
