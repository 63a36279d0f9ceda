package io.fedflow.connectors.slurm.rest;

import io.fedflow.engine.connector.ConnectorException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A {@link SlurmClient} over slurmrestd: the requests, their error handling and the reading of the
 * answers through the {@link RestFamily} of the API version the server speaks.
 */
public final class SlurmRest implements SlurmClient {
  private final SlurmHttp http;
  private final RestFamily family;
  private final SlurmAnswers answers;
  private final boolean accounting;
  private final String slurm;
  private final String slurmdb;
  private final String end;

  /**
   * @param accounting whether the server serves {@code /slurmdb/<version>} (slurmdbd is configured)
   */
  public SlurmRest(SlurmHttp http, ApiVersion version, boolean accounting) {
    this.http = http;
    this.family = RestFamily.of(version);
    this.answers = family.answers();
    this.accounting = accounting;
    this.slurm = "/slurm/" + version.tag();
    this.slurmdb = "/slurmdb/" + version.tag();
    this.end = family.slashAfterCollections() ? "/" : "";
  }

  @Override
  public ApiVersion version() {
    return family.version();
  }

  @Override
  public long submit(JobRequest request) throws ConnectorException {
    HttpResult r = http.post(slurm + "/job/submit", family.submission(request));
    Long id = r.ok() ? family.submittedJobId(r) : null;
    if (id == null) {
      throw SlurmErrors.failure("submitting " + request.name(), r);
    }
    return id;
  }

  @Override
  public List<JobRecord> jobs() throws ConnectorException {
    return jobsChangedSince(0).jobs();
  }

  @Override
  public JobListing jobsChangedSince(long since) throws ConnectorException {
    long sentAt = System.currentTimeMillis() / 1000;
    HttpResult r = http.get(slurm + "/jobs" + end + (since > 0 ? "?update_time=" + since : ""));
    return family.listing(r, since, sentAt);
  }

  @Override
  public Optional<JobRecord> job(long id) throws ConnectorException {
    HttpResult r = http.get(slurm + "/job/" + id);
    if (SlurmErrors.unknownJob(r)) {
      return Optional.empty();
    }
    ok("reading job " + id, r);
    return answers.jobs(r.source(), r.body()).stream().filter(j -> j.id() == id).findFirst();
  }

  @Override
  public Optional<JobRecord> accountingJob(long id) throws ConnectorException {
    return accountingArray(id).stream().filter(j -> j.id() == id).findFirst();
  }

  @Override
  public List<JobRecord> accountingJobsNamed(Collection<String> names) throws ConnectorException {
    if (!accounting || names.isEmpty()) {
      return List.of();
    }
    String query = URLEncoder.encode(String.join(",", names), StandardCharsets.UTF_8);
    HttpResult r =
        ok("finding jobs in accounting", http.get(slurmdb + "/jobs" + end + "?job_name=" + query));
    return answers.accountingJobs(r.source(), r.body());
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
    return answers.accountingJobs(r.source(), r.body());
  }

  @Override
  public void cancel(long id) throws ConnectorException {
    delete(Long.toString(id));
  }

  /** slurmrestd takes {@code <id>_<task>} in the path, as scancel does (22.05 and 24.11). */
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
    HttpResult r = ok("listing nodes", http.get(slurm + "/nodes" + end));
    return answers.nodes(r.source(), r.body());
  }

  @Override
  public List<PartitionRecord> partitions() throws ConnectorException {
    HttpResult r = ok("listing partitions", http.get(slurm + "/partitions" + end));
    return answers.partitions(r.source(), r.body());
  }

  @Override
  public void ping() throws ConnectorException {
    family.checkPing(ok("pinging slurmctld", http.get(slurm + "/ping" + end)));
  }

  private static HttpResult ok(String action, HttpResult r) throws ConnectorException {
    if (!r.ok()) {
      throw SlurmErrors.failure(action, r);
    }
    return r;
  }
}
