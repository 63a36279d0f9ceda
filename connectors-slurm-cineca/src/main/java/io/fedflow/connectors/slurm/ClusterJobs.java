package io.fedflow.connectors.slurm;

import io.fedflow.connectors.slurm.rest.JobListing;
import io.fedflow.connectors.slurm.rest.JobRecord;
import io.fedflow.connectors.slurm.rest.SlurmClient;
import io.fedflow.engine.connector.ConnectorException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Every job slurmctld knows: the last listing, asked again with {@code update_time} so that
 * slurmctld answers "unchanged" (a 304, or an empty list) when no job of the cluster changed since,
 * instead of the whole list again. slurmctld answers all or nothing, so a job absent from a full
 * answer has left it (and is looked up in accounting) exactly as without the filter. An "unchanged"
 * is trusted for {@link #TRUST_UNCHANGED} at most after the last full answer, which bounds what a
 * clock ahead of slurmctld's could hide.
 */
final class ClusterJobs {
  /** How long slurmctld's "unchanged" is believed after its last full listing. */
  static final Duration TRUST_UNCHANGED = Duration.ofSeconds(60);

  private final Clock clock;
  private JobListing listing;
  private Instant listedAt;
  private long unchangedListings;

  ClusterJobs(Clock clock) {
    this.clock = clock;
  }

  synchronized List<JobRecord> list(SlurmClient client) throws ConnectorException {
    Instant now = clock.instant();
    boolean trusted = listing != null && now.isBefore(listedAt.plus(TRUST_UNCHANGED));
    JobListing answer = client.jobsChangedSince(trusted ? listing.asOf() : 0);
    if (answer.unchanged()) {
      unchangedListings++;
    } else {
      listing = answer;
      listedAt = now;
    }
    return listing.jobs();
  }

  Clock clock() {
    return clock;
  }

  synchronized long unchangedListings() {
    return unchangedListings;
  }
}
