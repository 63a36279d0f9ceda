package io.fedflow.connectors.slurm;

import io.fedflow.connectors.slurm.rest.ApiProbe;
import io.fedflow.connectors.slurm.rest.HttpSettings;
import io.fedflow.connectors.slurm.rest.JobRecord;
import io.fedflow.connectors.slurm.rest.NodeRecord;
import io.fedflow.connectors.slurm.rest.SlurmClient;
import io.fedflow.connectors.slurm.rest.SlurmHttp;
import io.fedflow.connectors.slurm.rest.SlurmStates;
import io.fedflow.engine.connector.Capacity;
import io.fedflow.engine.connector.Connector;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.Observation;
import io.fedflow.engine.connector.SiteJob;
import io.fedflow.engine.connector.SiteState;
import io.fedflow.engine.connector.Submission;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A Slurm cluster through slurmrestd. Per call: submit is one POST; poll is one {@code GET jobs}
 * for the whole set, plus one accounting query by name for the jobs slurmctld has forgotten (after
 * MinJobAge); find is the same two; cancel is one DELETE per job; capacity is {@code GET nodes} and
 * {@code GET jobs}, reused for {@code capacityCache}.
 *
 * <p>The API version is probed at the first call, not at {@link #open}, so that an engine starts
 * while a cluster is down; that call then fails as a transient error.
 */
final class SlurmConnector implements Connector {
  private final SlurmSettings settings;
  private final SlurmHttp http;
  private final Clock clock;
  private SlurmClient rest;
  private Capacity capacity;
  private Instant capacityAt;

  private SlurmConnector(SlurmSettings settings, SlurmHttp http, Clock clock) {
    this.settings = settings;
    this.http = http;
    this.clock = clock;
  }

  static SlurmConnector open(SlurmSettings settings, HttpSettings httpSettings, Clock clock) {
    SlurmHttp http =
        settings.ssh() != null
            ? null
            : new SlurmHttp(settings.url(), settings.user(), settings.token(), httpSettings);
    return new SlurmConnector(settings, http, clock);
  }

  /** The adapter for the version the site serves, probed once. */
  synchronized SlurmClient rest() throws ConnectorException {
    if (rest == null && http == null) {
      // The SSH transport is being written apart; until it lands a site reached by ssh opens (so
      // that its settings and jobs' fit are checked) but cannot be called.
      throw new ConnectorException(
          "site " + settings.site() + ": the ssh transport is not in this build of fedflow", false);
    }
    if (rest == null) {
      try {
        rest = ApiProbe.connect(http, settings.api());
      } catch (ConnectorException e) {
        throw new ConnectorException(
            "site " + settings.site() + ": " + e.getMessage(), e.isTransient(), e);
      }
    }
    return rest;
  }

  @Override
  public SiteJob submit(Submission submission) throws ConnectorException {
    long id = rest().submit(SubmitRequest.of(submission, settings));
    return new SiteJob(settings.site(), Long.toString(id), submission.token());
  }

  @Override
  public Map<SiteJob, Observation> poll(Collection<SiteJob> jobs) throws ConnectorException {
    if (jobs.isEmpty()) {
      return Map.of();
    }
    SlurmClient r = rest();
    Map<Long, SiteJob> wanted = new LinkedHashMap<>();
    for (SiteJob job : jobs) {
      wanted.put(id(job), job);
    }
    Map<SiteJob, Observation> seen = new LinkedHashMap<>();
    for (JobRecord record : r.jobs()) {
      SiteJob job = wanted.remove(record.id());
      if (job != null) {
        seen.put(job, SlurmStates.observe(record));
      }
    }
    if (!wanted.isEmpty()) {
      Set<String> names = wanted.values().stream().map(SiteJob::token).collect(Collectors.toSet());
      for (JobRecord record : r.accountingJobsNamed(names)) {
        SiteJob job = wanted.remove(record.id());
        if (job != null) {
          seen.put(job, SlurmStates.observe(record));
        }
      }
      for (SiteJob job : wanted.values()) {
        seen.put(
            job,
            new Observation(
                SiteState.UNKNOWN,
                null,
                null,
                null,
                false,
                "neither slurmctld nor slurmdbd knows job " + job.nativeId()));
      }
    }
    return seen;
  }

  @Override
  public void cancel(Collection<SiteJob> jobs) throws ConnectorException {
    SlurmClient r = rest();
    ConnectorException first = null;
    for (SiteJob job : jobs) {
      try {
        r.cancel(id(job));
      } catch (ConnectorException e) {
        first = first == null ? e : first; // try the others before reporting
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /**
   * The jobs named by these tokens, in slurmctld then in accounting; when a token names more than
   * one job (submitted twice), the newest.
   */
  @Override
  public Map<String, SiteJob> find(Collection<String> tokens) throws ConnectorException {
    if (tokens.isEmpty()) {
      return Map.of();
    }
    SlurmClient r = rest();
    Set<String> wanted = Set.copyOf(tokens);
    Map<String, Long> found = new HashMap<>();
    for (JobRecord record : r.jobs()) {
      if (wanted.contains(record.name())) {
        found.merge(record.name(), record.id(), Math::max);
      }
    }
    List<String> rest =
        wanted.stream()
            .filter(t -> !found.containsKey(t))
            .sorted(Comparator.naturalOrder())
            .toList();
    if (!rest.isEmpty()) {
      for (JobRecord record : r.accountingJobsNamed(rest)) {
        if (wanted.contains(record.name())) {
          found.merge(record.name(), record.id(), Math::max);
        }
      }
    }
    Map<String, SiteJob> answer = new LinkedHashMap<>();
    found.forEach((t, id) -> answer.put(t, new SiteJob(settings.site(), Long.toString(id), t)));
    return answer;
  }

  /**
   * Free cpus on the usable nodes (of the site's partition when it names one) and the jobs pending
   * in the whole cluster; reused for {@code capacityCache}.
   */
  @Override
  public synchronized Capacity capacity() throws ConnectorException {
    Instant now = clock.instant();
    if (capacity != null && now.isBefore(capacityAt.plus(settings.capacityCache()))) {
      return capacity;
    }
    SlurmClient r = rest();
    int free = 0;
    for (NodeRecord node : r.nodes()) {
      if (node.usable()
          && (settings.partition() == null || node.partitions().contains(settings.partition()))) {
        free += Math.max(0, node.cpus() - node.allocatedCpus());
      }
    }
    int pending =
        (int)
            r.jobs().stream()
                .filter(j -> SlurmStates.observe(j).state() == SiteState.QUEUED)
                .count();
    capacity = new Capacity(free, pending);
    capacityAt = now;
    return capacity;
  }

  private long id(SiteJob job) throws ConnectorException {
    try {
      return Long.parseLong(job.nativeId());
    } catch (NumberFormatException e) {
      throw new ConnectorException(
          "site " + settings.site() + ": '" + job.nativeId() + "' is not a Slurm job id", false);
    }
  }

  @Override
  public void close() {
    if (http != null) {
      http.close();
    }
  }
}
