package io.fedflow.connectors.slurm;

import io.fedflow.connectors.slurm.rest.ApiProbe;
import io.fedflow.connectors.slurm.rest.HttpSettings;
import io.fedflow.connectors.slurm.rest.JobRecord;
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
import io.fedflow.engine.connector.SubmitAnswer;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * A Slurm cluster through slurmrestd, or through Slurm's commands on a login node over SSH ({@code
 * transport: ssh}). Per call: submit is one POST (one {@code sbatch}), and so is each job array of
 * {@link #submitAll}; poll is one {@code GET jobs} ({@code squeue}) for the whole set, plus one
 * accounting query by name ({@code sacct}) for the jobs slurmctld has forgotten (after MinJobAge);
 * find is the same two; cancel is one DELETE ({@code scancel}) per job; capacity is {@code GET
 * nodes} and {@code GET jobs}, reused for {@code capacityCache}. Listings ask only for what changed
 * since the last ({@link ClusterJobs}); over REST, the requests sent are counted by endpoint and
 * logged in one line when the connector closes.
 *
 * <p>The API version is probed at the first call, not at {@link #open}, so that an engine starts
 * while a cluster is down; that call then fails as a transient error.
 */
final class SlurmConnector implements Connector {
  private static final Logger LOG = LogManager.getLogger(SlurmConnector.class);

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
  private final ClusterJobs listings;
  private Capacity capacity;
  private Instant capacityAt;

  private SlurmConnector(SlurmSettings settings, Probe probe, Runnable onClose, ClusterJobs jobs) {
    this.settings = settings;
    this.probe = probe;
    this.onClose = onClose;
    this.clock = jobs.clock();
    this.listings = jobs;
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
    ClusterJobs jobs = new ClusterJobs(clock);
    Runnable close =
        () -> {
          if (http.counts().total() > 0) {
            LOG.info(
                "site {} sent slurmrestd {}; {} job listings answered unchanged",
                settings.site(),
                http.counts(),
                jobs.unchangedListings());
          }
          http.close();
        };
    return new SlurmConnector(settings, probe, close, jobs);
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
        new ClusterJobs(clock));
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

  /**
   * One submit per batch of {@link ArrayBatcher}: a job array for the attempts that can share one
   * (its task {@code t} is the attempt of token {@code <run>.<base + t>}, its native id {@code
   * <array job id>_<t>}), a plain job for any other. A refused array refuses each of its attempts.
   */
  @Override
  public Map<String, SubmitAnswer> submitAll(List<Submission> submissions)
      throws ConnectorException {
    SlurmClient r = rest();
    Map<String, SubmitAnswer> answers = new LinkedHashMap<>();
    for (ArrayBatcher.Batch b : ArrayBatcher.of(submissions, settings, answers)) {
      try {
        long id = r.submit(b.request());
        for (Submission s : b.members()) {
          String nativeId =
              b.isArray()
                  ? new JobKey(id, (int) (ArrayNaming.number(s.token()) - b.base())).nativeId()
                  : Long.toString(id);
          answers.put(
              s.token(), SubmitAnswer.taken(new SiteJob(settings.site(), nativeId, s.token())));
        }
      } catch (ConnectorException e) {
        for (Submission s : b.members()) {
          answers.put(s.token(), SubmitAnswer.refused(e));
        }
      }
    }
    return answers;
  }

  /**
   * One {@code GET jobs} for all; for those slurmctld has forgotten, one accounting query by name
   * for the plain jobs and one per array for array tasks.
   */
  @Override
  public Map<SiteJob, Observation> poll(Collection<SiteJob> jobs) throws ConnectorException {
    if (jobs.isEmpty()) {
      return Map.of();
    }
    SlurmClient r = rest();
    Map<JobKey, SiteJob> wanted = new LinkedHashMap<>();
    for (SiteJob job : jobs) {
      wanted.put(key(job), job);
    }
    Map<SiteJob, Observation> seen = new LinkedHashMap<>();
    observe(listings.list(r), wanted, seen);
    if (!wanted.isEmpty()) {
      Set<String> names = new HashSet<>();
      Set<Long> arrays = new TreeSet<>();
      wanted.forEach(
          (key, job) -> {
            if (key.task() == null) {
              names.add(job.token());
            } else {
              arrays.add(key.job());
            }
          });
      if (!names.isEmpty()) {
        observe(r.accountingJobsNamed(names), wanted, seen);
      }
      for (long array : arrays) {
        observe(r.accountingArray(array), wanted, seen);
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
                "neither slurmctld nor slurmdbd knows job " + job.nativeId(),
                null,
                null));
      }
    }
    return seen;
  }

  private static void observe(
      List<JobRecord> records, Map<JobKey, SiteJob> wanted, Map<SiteJob, Observation> seen) {
    for (JobRecord record : records) {
      for (JobKey key : JobKey.of(record)) {
        SiteJob job = wanted.remove(key);
        if (job != null) {
          seen.put(job, SlurmStates.observe(record));
        }
      }
    }
  }

  /** A task of an array is cancelled alone, whether still pending in its array or running. */
  @Override
  public void cancel(Collection<SiteJob> jobs) throws ConnectorException {
    SlurmClient r = rest();
    ConnectorException first = null;
    for (SiteJob job : jobs) {
      try {
        JobKey key = key(job);
        if (key.task() == null) {
          r.cancel(key.job());
        } else {
          r.cancelTask(key.job(), key.task());
        }
      } catch (ConnectorException e) {
        first = first == null ? e : first; // try the others before reporting
      }
    }
    if (first != null) {
      throw first;
    }
  }

  /**
   * The jobs of these tokens, in slurmctld then in accounting; when a token names more than one job
   * (submitted twice), the newest. A plain job is found by its name, an array task by its array's
   * name and its task id ({@link ArrayNaming}); in accounting, an array is found when its name, the
   * token of its task 0, is among those asked, as it is when the engine recovers: it asks for every
   * token it recorded as being submitted, and an array's tokens were all recorded so before the
   * array was submitted.
   */
  @Override
  public Map<String, SiteJob> find(Collection<String> tokens) throws ConnectorException {
    if (tokens.isEmpty()) {
      return Map.of();
    }
    SlurmClient r = rest();
    Set<String> wanted = Set.copyOf(tokens);
    Map<String, JobKey> found = new HashMap<>();
    Set<String> arraysSeen = new TreeSet<>();
    for (JobRecord record : listings.list(r)) {
      if (match(record, wanted, found) && record.arrayJobId() != null) {
        arraysSeen.add(record.name());
      }
    }
    Set<String> rest = new TreeSet<>(wanted);
    rest.removeAll(found.keySet());
    if (!rest.isEmpty()) {
      // An array seen in slurmctld may have tasks there no more: ask accounting for it by name too.
      rest.addAll(arraysSeen);
      for (JobRecord record : r.accountingJobsNamed(rest)) {
        match(record, wanted, found);
      }
    }
    Map<String, SiteJob> answer = new LinkedHashMap<>();
    found.forEach((t, key) -> answer.put(t, new SiteJob(settings.site(), key.nativeId(), t)));
    return answer;
  }

  /** Records the wanted tokens this record holds; whether it held one. */
  private static boolean match(JobRecord record, Set<String> wanted, Map<String, JobKey> found) {
    boolean any = false;
    for (JobKey key : JobKey.of(record)) {
      String token =
          key.task() == null ? record.name() : ArrayNaming.token(record.name(), key.task());
      if (token != null && wanted.contains(token)) {
        found.merge(token, key, SlurmConnector::newer);
        any = true;
      }
    }
    return any;
  }

  private static JobKey newer(JobKey a, JobKey b) {
    return b.job() > a.job() ? b : a;
  }

  /**
   * {@link SiteRoom} from one {@code nodes} and one jobs listing, reused for {@code capacityCache}.
   */
  @Override
  public synchronized Capacity capacity() throws ConnectorException {
    Instant now = clock.instant();
    if (capacity != null && now.isBefore(capacityAt.plus(settings.capacityCache()))) {
      return capacity;
    }
    SlurmClient r = rest();
    capacity = SiteRoom.of(r.nodes(), listings.list(r), settings);
    capacityAt = now;
    return capacity;
  }

  private JobKey key(SiteJob job) throws ConnectorException {
    JobKey key = JobKey.parse(job.nativeId());
    if (key == null) {
      throw new ConnectorException(
          "site " + settings.site() + ": '" + job.nativeId() + "' is not a Slurm job id", false);
    }
    return key;
  }

  /** Over REST, logs what the site cost slurmrestd, one line: what a user checks after a run. */
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
