package io.fedflow.dag.plan;

import io.fedflow.dag.JobSpec;

/**
 * One job of a plan: its spec with the workflow defaults applied, and its fan-out sized. A job
 * without {@code forEach} has one instance, whose id is the job's id.
 */
public final class PlannedJob {
  public String id() {
    throw new UnsupportedOperationException("being written");
  }

  /** The spec with defaults applied, templates not yet rendered. */
  public JobSpec spec() {
    throw new UnsupportedOperationException("being written");
  }

  public boolean isFinal() {
    throw new UnsupportedOperationException("being written");
  }

  /** How many instances (1 without forEach). */
  public long size() {
    throw new UnsupportedOperationException("being written");
  }

  /** The instance at {@code index} (0-based), its templates rendered. */
  public JobInstance instance(long index) {
    throw new UnsupportedOperationException("being written");
  }
}
