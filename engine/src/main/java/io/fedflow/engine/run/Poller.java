package io.fedflow.engine.run;

import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.Observation;
import io.fedflow.engine.connector.SiteJob;
import io.fedflow.engine.core.EngineEvent;
import io.fedflow.engine.core.RunModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Asks each site, in one call, for the state of all its jobs of the run, on an interval that
 * adapts: halved while polls bring news, doubled up to two seconds while they do not; never below a
 * second while a site out of this process is polled, since a batch scheduler lists every job of the
 * cluster per poll (a site that tells of its jobs' ends by itself still wakes the executor at once
 * through {@code onNews}). Only news become events: a job seen as it already is changes nothing,
 * and the executor sleeps instead of deciding. A site that fails to answer changes nothing either;
 * its jobs stay as they are.
 */
final class Poller {
  private static final Logger LOG = LogManager.getLogger(Poller.class);
  static final long FIRST_NANOS = 20_000_000L;
  static final long LEAST_NANOS = 2_000_000L;
  static final long MOST_NANOS = 2_000_000_000L;
  static final long REMOTE_LEAST_NANOS = 1_000_000_000L;

  private final Sites sites;
  private final Set<String> failing = new HashSet<>();
  private long interval = FIRST_NANOS;
  private long nextAt = System.nanoTime();
  private long polls;

  Poller(Sites sites) {
    this.sites = sites;
  }

  /** How long until the next poll is due, zero or less when it is. */
  long nanosUntilDue(long now) {
    return nextAt - now;
  }

  long polls() {
    return polls;
  }

  /**
   * Polls the sites of the jobs at a site (queued, running, unknown), adding an event for each job
   * whose state is news, and sets the next poll time.
   *
   * @return whether there was a job to poll
   */
  boolean poll(RunModel model, List<EngineEvent> events, long now) {
    Map<String, List<SiteJob>> bySite = new LinkedHashMap<>();
    for (JobRow r : model.inFlightRows()) {
      if (r.state() != JobState.SUBMITTING && r.nativeId() != null) {
        bySite
            .computeIfAbsent(r.site(), s -> new ArrayList<>())
            .add(new SiteJob(r.site(), r.nativeId(), r.token()));
      }
    }
    if (bySite.isEmpty()) {
      nextAt = now + interval; // nothing at a site: look again later, no faster nor slower
      return false;
    }
    int before = events.size();
    boolean remote = false;
    for (Map.Entry<String, List<SiteJob>> e : bySite.entrySet()) {
      Site site = sites.get(e.getKey());
      remote |= !site.inProcess();
      pollSite(site, e.getValue(), model, events);
    }
    polls++;
    boolean news = events.size() > before;
    interval = news ? interval / 2 : Math.min(MOST_NANOS, interval * 2);
    interval = Math.max(remote ? REMOTE_LEAST_NANOS : LEAST_NANOS, interval);
    nextAt = now + interval;
    return true;
  }

  private void pollSite(Site site, List<SiteJob> jobs, RunModel model, List<EngineEvent> events) {
    Map<SiteJob, Observation> seen;
    try {
      seen = site.poll(jobs);
    } catch (ConnectorException e) {
      if (failing.add(site.name())) {
        LOG.warn(
            "site {} did not answer a poll of {} jobs: {}",
            site.name(),
            jobs.size(),
            e.getMessage());
      }
      return;
    }
    if (failing.remove(site.name())) {
      LOG.info("site {} answers polls again", site.name());
    }
    seen.forEach(
        (job, o) -> {
          Optional<JobRow> row = model.rowOfToken(job.token());
          if (row.isPresent() && isNews(row.get().state(), o)) {
            events.add(new EngineEvent.Observed(job, o));
          }
        });
  }

  /** Whether an observation can move a job: anything but seeing it as it is already. */
  static boolean isNews(JobState now, Observation o) {
    return switch (o.state()) {
      case QUEUED -> now != JobState.QUEUED;
      case RUNNING -> now != JobState.RUNNING;
      case UNKNOWN -> now != JobState.UNKNOWN;
      case SUCCEEDED, FAILED, CANCELLED -> true;
    };
  }
}
