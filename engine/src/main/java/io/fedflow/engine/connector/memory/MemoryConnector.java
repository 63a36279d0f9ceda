package io.fedflow.engine.connector.memory;

import io.fedflow.engine.connector.Capacity;
import io.fedflow.engine.connector.Connector;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.Observation;
import io.fedflow.engine.connector.SiteConfig;
import io.fedflow.engine.connector.SiteJob;
import io.fedflow.engine.connector.SiteState;
import io.fedflow.engine.connector.Submission;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A site that runs nothing: each job is a few fields that move on at each poll and end as the
 * settings say (by default it succeeds at the first poll). It keeps every token it was given, so
 * {@link #find} works as on a real site, and submitting a token twice gives the same job.
 */
public final class MemoryConnector implements Connector {
  private final String site;
  private final MemorySettings settings;
  private final Clock clock;
  private final Map<String, FakeJob> byToken = new HashMap<>();
  private final Set<String> flaked = new HashSet<>();
  private long lastId;
  private int active;
  private int running;

  /**
   * A site with these settings, its times taken from {@code clock}.
   *
   * @throws ConnectorException naming each bad setting
   */
  public MemoryConnector(SiteConfig site, Clock clock) throws ConnectorException {
    this.site = site.name();
    this.settings = MemorySettings.of(site);
    this.clock = clock;
  }

  @Override
  public synchronized SiteJob submit(Submission s) throws ConnectorException {
    FakeJob known = byToken.get(s.token());
    if (known != null) {
      return known.siteJob;
    }
    String id = s.instanceId();
    if (settings.rejectJobs().matches(id)) {
      throw new ConnectorException("site " + site + " refused job " + id + " (rejectJobs)", false);
    }
    if (settings.flakyJobs().matches(id) && flaked.add(s.token())) {
      throw new ConnectorException(
          "site " + site + " did not answer the submission of " + id + " (flakyJobs)", true);
    }
    SiteJob job = new SiteJob(site, Long.toString(++lastId), s.token());
    FakeJob.Ending ending = FakeJob.Ending.SUCCESS;
    if (settings.siteFaultJobs().matches(id) && s.attempt() <= settings.siteFaultAttempts()) {
      ending = FakeJob.Ending.SITE_FAULT;
    } else if (settings.failJobs().matches(id)
        && (settings.failAttempts() == 0 || s.attempt() <= settings.failAttempts())) {
      ending = FakeJob.Ending.FAILURE;
    }
    int unknown = settings.unknownJobs().matches(id) ? settings.unknownPolls() : 0;
    byToken.put(
        s.token(),
        new FakeJob(
            job,
            ending,
            settings.failExitCode(),
            unknown,
            settings.pollsQueued(),
            settings.pollsRunning(),
            settings.energyJoules(),
            settings.billing()));
    active++;
    return job;
  }

  @Override
  public synchronized Map<SiteJob, Observation> poll(Collection<SiteJob> jobs) {
    Map<SiteJob, Observation> out = new LinkedHashMap<>(jobs.size() * 2);
    for (SiteJob j : jobs) {
      FakeJob f = byToken.get(j.token());
      if (f == null || !f.siteJob.nativeId().equals(j.nativeId())) {
        out.put(j, Observation.of(SiteState.UNKNOWN));
        continue;
      }
      boolean wasActive = f.isActive();
      boolean wasRunning = f.isRunning();
      out.put(j, f.poll(clock.instant()));
      active -= wasActive && !f.isActive() ? 1 : 0;
      running += (f.isRunning() ? 1 : 0) - (wasRunning ? 1 : 0);
    }
    return out;
  }

  @Override
  public synchronized void cancel(Collection<SiteJob> jobs) {
    for (SiteJob j : jobs) {
      FakeJob f = byToken.get(j.token());
      if (f != null && f.isActive()) {
        running -= f.isRunning() ? 1 : 0;
        f.cancel();
        active--;
      }
    }
  }

  @Override
  public synchronized Map<String, SiteJob> find(Collection<String> tokens) {
    Map<String, SiteJob> out = new HashMap<>();
    for (String t : tokens) {
      FakeJob f = byToken.get(t);
      if (f != null) {
        out.put(t, f.siteJob);
      }
    }
    return out;
  }

  @Override
  public synchronized Capacity capacity() {
    return new Capacity(Math.max(0, settings.slots() - active), active - running);
  }
}
