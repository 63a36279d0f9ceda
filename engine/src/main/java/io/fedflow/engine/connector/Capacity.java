package io.fedflow.engine.connector;

import java.util.List;

/**
 * Room at a site: how many more jobs it takes now (for a batch site, its queue; for the local site,
 * free cpus), how many jobs wait in its queue, and, where the site tells, its pools' cpus and GPUs
 * (free and in all).
 */
public record Capacity(int freeSlots, int queuedJobs, List<Pool> pools) {
  public Capacity {
    pools = pools == null ? List.of() : List.copyOf(pools);
  }

  /** Room without pools, for a site that does not describe its machines. */
  public Capacity(int freeSlots, int queuedJobs) {
    this(freeSlots, queuedJobs, List.of());
  }
}
