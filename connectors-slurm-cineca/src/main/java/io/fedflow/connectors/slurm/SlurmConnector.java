package io.fedflow.connectors.slurm;

import io.fedflow.connectors.slurm.rest.ApiProbe;
import io.fedflow.connectors.slurm.rest.HttpSettings;
import io.fedflow.connectors.slurm.rest.JobRecord;
import io.fedflow.connectors.slurm.rest.NodeRecord;
import io.fedflow.connectors.slurm.rest.SlurmClient;
import io.fedflow.connectors.slurm.rest.SlurmHttp;
import io.fedflow.connectors.slurm.rest.SlurmStates;
import io.fedflow.connectors.slurm.ssh.LoginNode;
import io.fedflow.connectors.slurm.ssh.SlurmCommands;
import io.fedflow.engine.connector.AttemptOutput;
import io.fedflow.engine.connector.Capacity;
import io.fedflow.engine.connector.Connector;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.Observation;
import io.fedflow.engine.connector.SiteJob;
import io.fedflow.engine.connector.SiteState;
import io.fedflow.engine.connector.Submission;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A Slurm cluster through slurmrestd, or through Slurm's commands on a login node over SSH ({@code
 * transport: ssh}). Per call: submit is one POST (one {@code sbatch}); poll is one {@code GET jobs}
 * ({@code squeue}) for the whole set, plus one accounting query by name ({@code sacct}) for the
 * jobs slurmctld has forgotten (after MinJobAge); find is the same two; cancel is one DELETE
 * ({@code scancel}) per job; capacity is {@code GET nodes} and {@code GET jobs}, reused for {@code
 * capacityCache}.
 *
 * <p>The API version is probed at the first call, not at {@link #open}, so that an engine starts
 * while a cluster is down; that call then fails as a transient error.
 */
final class SlurmConnector implements Connector {
  /** How long one command on a login node may take (sacct over a month of jobs is the slowest). */
  private static final Duration SSH_TIMEOUT = Duration.ofMinutes(2);

  /** Makes the client at the first call: probes the version the site speaks. */
  @FunctionalInterface
  private interface Probe {
    SlurmClient connect() throws ConnectorException;
  }

  private final SlurmSettings settings;
  private final Probe probe;
  private final Runnable onClose;
  private final Clock clock;
  private SlurmClient rest;
  private Capacity capacity;
  private Instant capacityAt;

  private SlurmConnector(SlurmSettings settings, Probe probe, Runnable onClose, Clock clock) {
    this.settings = settings;
    this.probe = probe;
    this.onClose = onClose;
    this.clock = clock;
  }

  static SlurmConnector open(SlurmSettings settings, HttpSettings httpSettings, Clock clock) {
    if (settings.ssh() != null) {
      LoginNode node =
          new LoginNode(
              settings.site(), settings.ssh(), LoginNode.defaultControlDir(), SSH_TIMEOUT);
      return open(settings, node, clock);
    }
    SlurmHttp http = new SlurmHttp(settings.url(), settings.user(), settings.token(), httpSettings);
    Probe probe =
        () -> {
          try {
            return ApiProbe.connect(http, settings.api());
          } catch (ConnectorException e) {
            throw new ConnectorException(
                "site " + settings.site() + ": " + e.getMessage(), e.isTransient(), e);
          }
        };
    return new SlurmConnector(settings, probe, http::close, clock);
  }

  /**
   * Over SSH, through this login node. Closing leaves its master connection to {@code
   * controlPersist}, for the next fedflow command.
   */
  static SlurmConnector open(SlurmSettings settings, LoginNode node, Clock clock) {
    return new SlurmConnector(
        settings,
        () -> SlurmCommands.connect(node, settings.site(), settings.api()),
        () -> {},
        clock);
  }

  /** The client for the version the site speaks, probed once. */
  synchronized SlurmClient rest() throws ConnectorException {
    if (rest == null) {
      rest = probe.connect();
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
    onClose.run();
  }

  /**
   * Where the attempt's stream is on the cluster, with its bytes when the transport can read files;
   * slurmrestd cannot, so over REST the answer names the file for the user to fetch.
   */
  @Override
  public Optional<AttemptOutput> output(
      SiteJob job, Submission attempt, AttemptOutput.Stream stream) {
    String file =
        ClusterPaths.of(settings.workdir(), attempt)
            .absoluteStream(attempt.instance().spec(), stream);
    try {
      Optional<InputStream> bytes = rest().readFile(file);
      if (bytes.isPresent()) {
        return Optional.of(new AttemptOutput.Content(file, bytes.get()));
      }
      return Optional.of(new AttemptOutput.Elsewhere(file, "slurmrestd cannot fetch files"));
    } catch (ConnectorException e) {
      return Optional.of(new AttemptOutput.Elsewhere(file, e.getMessage()));
    }
  }
}
