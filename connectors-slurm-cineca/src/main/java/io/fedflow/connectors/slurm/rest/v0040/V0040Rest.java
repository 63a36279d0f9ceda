package io.fedflow.connectors.slurm.rest.v0040;

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
import io.fedflow.connectors.slurm.rest.v0040.model.V0042ControllerPing;
import io.fedflow.connectors.slurm.rest.v0040.model.V0042OpenapiJobInfoResp;
import io.fedflow.connectors.slurm.rest.v0040.model.V0042OpenapiJobSubmitResponse;
import io.fedflow.connectors.slurm.rest.v0040.model.V0042OpenapiPingArrayResp;
import io.fedflow.engine.connector.ConnectorException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** slurmrestd's v0.0.40, v0.0.41 and v0.0.42: collections end with a slash. */
public final class V0040Rest implements SlurmClient {
  private static final V0040Answers ANSWERS = V0040Answers.INSTANCE;
  private final SlurmHttp http;
  private final ApiVersion version;
  private final boolean accounting;
  private final String slurm;
  private final String slurmdb;

  /**
   * @param accounting whether the server serves {@code /slurmdb/<version>/}
   */
  public V0040Rest(SlurmHttp http, ApiVersion version, boolean accounting) {
    if (!version.modern()) {
      throw new IllegalArgumentException(version.tag() + " is not of the v0.0.40 family");
    }
    this.http = http;
    this.version = version;
    this.accounting = accounting;
    this.slurm = "/slurm/" + version.tag();
    this.slurmdb = "/slurmdb/" + version.tag();
  }

  @Override
  public ApiVersion version() {
    return version;
  }

  @Override
  public long submit(JobRequest request) throws ConnectorException {
    String body = SlurmJson.write(V0040Codec.submission(request));
    HttpResult r = http.post(slurm + "/job/submit", body);
    String action = "submitting " + request.name();
    V0042OpenapiJobSubmitResponse answer = decode(action, r, V0042OpenapiJobSubmitResponse.class);
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
   * Unchanged is an empty list with a {@code last_update} of 0 (and a warning "No job changes
   * since"); a full answer's {@code last_update} is slurmctld's time when it packed the list.
   */
  @Override
  public JobListing jobsChangedSince(long since) throws ConnectorException {
    HttpResult r = http.get(slurm + "/jobs/" + (since > 0 ? "?update_time=" + since : ""));
    V0042OpenapiJobInfoResp answer = decode("listing jobs", r, V0042OpenapiJobInfoResp.class);
    if (!SlurmErrors.inOk(r).isEmpty()) {
      throw SlurmErrors.failure("listing jobs", r);
    }
    List<JobRecord> jobs =
        answer.getJobs() == null
            ? List.of()
            : answer.getJobs().stream().map(V0040Codec::job).toList();
    Long asOf = answer.getLastUpdate() == null ? null : answer.getLastUpdate().getNumber();
    if (since > 0 && jobs.isEmpty() && (asOf == null || asOf == 0)) {
      return JobListing.unchangedSince();
    }
    return new JobListing(false, jobs, asOf == null ? 0 : asOf);
  }

  @Override
  public Optional<JobRecord> job(long id) throws ConnectorException {
    HttpResult r = http.get(slurm + "/job/" + id);
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
    HttpResult r = http.get(slurmdb + "/job/" + id);
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
    HttpResult r = ok("finding jobs in accounting", http.get(slurmdb + "/jobs/?job_name=" + query));
    return ANSWERS.accountingJobs(source(r), r.body());
  }

  @Override
  public List<JobRecord> accountingArray(long arrayJobId) throws ConnectorException {
    if (!accounting) {
      return List.of();
    }
    HttpResult r = http.get(slurmdb + "/job/" + arrayJobId);
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

  /** 24.11 takes {@code <id>_<task>} in the path, as scancel does. */
  @Override
  public void cancelTask(long arrayJobId, int task) throws ConnectorException {
    delete(arrayJobId + "_" + task);
  }

  private void delete(String id) throws ConnectorException {
    HttpResult r = http.delete(slurm + "/job/" + id);
    if (!r.ok() && !SlurmErrors.unknownJob(r)) {
      throw SlurmErrors.failure("cancelling job " + id, r);
    }
  }

  @Override
  public List<NodeRecord> nodes() throws ConnectorException {
    HttpResult r = ok("listing nodes", http.get(slurm + "/nodes/"));
    return ANSWERS.nodes(source(r), r.body());
  }

  @Override
  public List<PartitionRecord> partitions() throws ConnectorException {
    HttpResult r = ok("listing partitions", http.get(slurm + "/partitions/"));
    return ANSWERS.partitions(source(r), r.body());
  }

  /** A bad token is a 200 here, with every controller {@code DOWN}. */
  @Override
  public void ping() throws ConnectorException {
    HttpResult r = http.get(slurm + "/ping/");
    V0042OpenapiPingArrayResp answer =
        decode("pinging slurmctld", r, V0042OpenapiPingArrayResp.class);
    List<V0042ControllerPing> pings = answer.getPings() == null ? List.of() : answer.getPings();
    if (pings.stream().noneMatch(V0040Rest::up)) {
      throw new ConnectorException(
          "pinging slurmctld failed: "
              + r.request()
              + " says no controller is UP (slurmctld down, or the token was refused)",
          false);
    }
  }

  /** {@code responding} since v0.0.41; v0.0.40 has only {@code pinged}, deprecated later. */
  @SuppressWarnings("deprecation")
  private static boolean up(V0042ControllerPing p) {
    return p.getResponding() != null ? p.getResponding() : "UP".equals(p.getPinged());
  }

  private static <T> T decode(String action, HttpResult r, Class<T> type)
      throws ConnectorException {
    if (!r.ok()) {
      throw SlurmErrors.failure(action, r);
    }
    return SlurmJson.read(r, type);
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
}
