package io.fedflow.connectors.slurm.rest.v0038;

import io.fedflow.connectors.slurm.rest.ApiVersion;
import io.fedflow.connectors.slurm.rest.HttpResult;
import io.fedflow.connectors.slurm.rest.JobListing;
import io.fedflow.connectors.slurm.rest.JobRecord;
import io.fedflow.connectors.slurm.rest.JobRequest;
import io.fedflow.connectors.slurm.rest.NodeRecord;
import io.fedflow.connectors.slurm.rest.PartitionRecord;
import io.fedflow.connectors.slurm.rest.SlurmClient;
import io.fedflow.connectors.slurm.rest.SlurmErrors;
import io.fedflow.connectors.slurm.rest.SlurmHttp;
import io.fedflow.connectors.slurm.rest.SlurmJson;
import io.fedflow.connectors.slurm.rest.v0038.model.V0038JobSubmissionResponse;
import io.fedflow.connectors.slurm.rest.v0038.model.V0038Ping;
import io.fedflow.connectors.slurm.rest.v0038.model.V0038Pings;
import io.fedflow.engine.connector.ConnectorException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** slurmrestd's v0.0.38 (Slurm 22.05): paths without trailing slashes. */
public final class V0038Rest implements SlurmClient {
  private static final String SLURM = "/slurm/v0.0.38";
  private static final String SLURMDB = "/slurmdb/v0.0.38";
  private static final V0038Answers ANSWERS = V0038Answers.INSTANCE;

  /** How far this machine's clock may be ahead of slurmctld's, for {@link #jobsChangedSince}. */
  static final long CLOCK_MARGIN_SECONDS = 5;

  private final SlurmHttp http;
  private final boolean accounting;

  /**
   * @param accounting whether the server serves {@code /slurmdb/v0.0.38} (slurmdbd is configured)
   */
  public V0038Rest(SlurmHttp http, boolean accounting) {
    this.http = http;
    this.accounting = accounting;
  }

  @Override
  public ApiVersion version() {
    return ApiVersion.V0038;
  }

  @Override
  public long submit(JobRequest request) throws ConnectorException {
    String body = SlurmJson.write(V0038Codec.submission(request));
    HttpResult r = http.post(SLURM + "/job/submit", body);
    String action = "submitting " + request.name();
    V0038JobSubmissionResponse answer = decode(action, r, V0038JobSubmissionResponse.class);
    // Errors inside a 2xx answer are read from the decoded answer, not by parsing the body again.
    if (answer.getJobId() == null
        || (answer.getErrors() != null && !answer.getErrors().isEmpty())) {
      throw SlurmErrors.failure(action, r);
    }
    return answer.getJobId();
  }

  @Override
  public List<JobRecord> jobs() throws ConnectorException {
    return jobsChangedSince(0).jobs();
  }

  /**
   * Unchanged is a 304 with no body. The answer carries no time of slurmctld's, so the next time to
   * ask with is this machine's clock when the request left, less {@link #CLOCK_MARGIN_SECONDS} for
   * a clock ahead of slurmctld's (a time too early only costs a full listing).
   */
  @Override
  public JobListing jobsChangedSince(long since) throws ConnectorException {
    long asOf = System.currentTimeMillis() / 1000 - CLOCK_MARGIN_SECONDS;
    HttpResult r = http.get(SLURM + "/jobs" + (since > 0 ? "?update_time=" + since : ""));
    if (since > 0 && r.status() == 304) {
      return JobListing.unchangedSince();
    }
    ok("listing jobs", r);
    return new JobListing(false, ANSWERS.jobs(source(r), r.body()), asOf);
  }

  @Override
  public Optional<JobRecord> job(long id) throws ConnectorException {
    HttpResult r = http.get(SLURM + "/job/" + id);
    if (SlurmErrors.unknownJob(r)) {
      return Optional.empty();
    }
    ok("reading job " + id, r);
    return ANSWERS.jobs(source(r), r.body()).stream().filter(j -> j.id() == id).findFirst();
  }

  @Override
  public Optional<JobRecord> accountingJob(long id) throws ConnectorException {
    if (!accounting) {
      return Optional.empty();
    }
    HttpResult r = http.get(SLURMDB + "/job/" + id);
    if (SlurmErrors.unknownJob(r)) {
      return Optional.empty();
    }
    ok("reading job " + id + " from accounting", r);
    return ANSWERS.accountingJobs(source(r), r.body()).stream()
        .filter(j -> j.id() == id)
        .findFirst();
  }

  @Override
  public List<JobRecord> accountingJobsNamed(Collection<String> names) throws ConnectorException {
    if (!accounting || names.isEmpty()) {
      return List.of();
    }
    String query = URLEncoder.encode(String.join(",", names), StandardCharsets.UTF_8);
    HttpResult r = ok("finding jobs in accounting", http.get(SLURMDB + "/jobs?job_name=" + query));
    return ANSWERS.accountingJobs(source(r), r.body());
  }

  @Override
  public List<JobRecord> accountingArray(long arrayJobId) throws ConnectorException {
    if (!accounting) {
      return List.of();
    }
    HttpResult r = http.get(SLURMDB + "/job/" + arrayJobId);
    if (SlurmErrors.unknownJob(r)) {
      return List.of();
    }
    ok("reading job " + arrayJobId + " from accounting", r);
    return ANSWERS.accountingJobs(source(r), r.body());
  }

  @Override
  public void cancel(long id) throws ConnectorException {
    delete(Long.toString(id));
  }

  /** 22.05 takes {@code <id>_<task>} in the path, as scancel does. */
  @Override
  public void cancelTask(long arrayJobId, int task) throws ConnectorException {
    delete(arrayJobId + "_" + task);
  }

  private void delete(String id) throws ConnectorException {
    HttpResult r = http.delete(SLURM + "/job/" + id);
    if (!r.ok() && !SlurmErrors.unknownJob(r)) {
      throw SlurmErrors.failure("cancelling job " + id, r);
    }
  }

  @Override
  public List<NodeRecord> nodes() throws ConnectorException {
    HttpResult r = ok("listing nodes", http.get(SLURM + "/nodes"));
    return ANSWERS.nodes(source(r), r.body());
  }

  @Override
  public List<PartitionRecord> partitions() throws ConnectorException {
    HttpResult r = ok("listing partitions", http.get(SLURM + "/partitions"));
    return ANSWERS.partitions(source(r), r.body());
  }

  @Override
  public void ping() throws ConnectorException {
    HttpResult r = http.get(SLURM + "/ping");
    V0038Pings answer = decode("pinging slurmctld", r, V0038Pings.class);
    List<V0038Ping> pings = answer.getPings() == null ? List.of() : answer.getPings();
    if (pings.stream().noneMatch(p -> p.getPing() == V0038Ping.PingEnum.UP)) {
      throw new ConnectorException(
          "pinging slurmctld failed: " + r.request() + " says no controller is UP", true);
    }
  }

  private static HttpResult ok(String action, HttpResult r) throws ConnectorException {
    if (!r.ok()) {
      throw SlurmErrors.failure(action, r);
    }
    return r;
  }

  private static String source(HttpResult r) {
    return r.request() + " answered " + r.status();
  }

  private static <T> T decode(String action, HttpResult r, Class<T> type)
      throws ConnectorException {
    if (!r.ok()) {
      throw SlurmErrors.failure(action, r);
    }
    return SlurmJson.read(r, type, V0038Quirks.MAPPER);
  }
}
