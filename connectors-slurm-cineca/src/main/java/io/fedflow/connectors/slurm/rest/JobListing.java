package io.fedflow.connectors.slurm.rest;

import java.util.List;

/**
 * An answer to "the jobs, if any changed": slurmctld compares the time given with the time of its
 * last change to any job of the cluster and answers all its jobs, or nothing at all.
 *
 * @param unchanged no job of the cluster changed since the time asked: the last full listing is
 *     still the cluster's state ({@link #jobs} is then empty)
 * @param jobs every job slurmctld knows, when changed
 * @param asOf the time to ask with next, in epoch seconds of slurmctld's clock, never later than
 *     when this listing was taken; 0 when the answer is unchanged
 */
public record JobListing(boolean unchanged, List<JobRecord> jobs, long asOf) {
  public JobListing {
    jobs = List.copyOf(jobs);
  }

  public static JobListing unchangedSince() {
    return new JobListing(true, List.of(), 0);
  }
}
