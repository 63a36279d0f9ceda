package io.fedflow.connectors.slurm.rest.v0038;

import io.fedflow.connectors.slurm.rest.ApiVersion;
import io.fedflow.connectors.slurm.rest.HttpResult;
import io.fedflow.connectors.slurm.rest.JobListing;
import io.fedflow.connectors.slurm.rest.JobRequest;
import io.fedflow.connectors.slurm.rest.RestFamily;
import io.fedflow.connectors.slurm.rest.SlurmAnswers;
import io.fedflow.connectors.slurm.rest.SlurmErrors;
import io.fedflow.connectors.slurm.rest.SlurmJson;
import io.fedflow.connectors.slurm.rest.v0038.model.V0038JobSubmissionResponse;
import io.fedflow.connectors.slurm.rest.v0038.model.V0038Ping;
import io.fedflow.connectors.slurm.rest.v0038.model.V0038Pings;
import io.fedflow.engine.connector.ConnectorException;
import java.util.List;

/**
 * slurmrestd's v0.0.38 (Slurm 22.05): paths without trailing slashes, bodies read with {@link
 * V0038Quirks}, "unchanged" as a 304.
 */
public final class V0038Rest implements RestFamily {
  public static final V0038Rest INSTANCE = new V0038Rest();

  /** How far this machine's clock may be ahead of slurmctld's, for {@link #listing}. */
  static final long CLOCK_MARGIN_SECONDS = 5;

  private V0038Rest() {}

  @Override
  public ApiVersion version() {
    return ApiVersion.V0038;
  }

  @Override
  public SlurmAnswers answers() {
    return V0038Answers.INSTANCE;
  }

  @Override
  public boolean slashAfterCollections() {
    return false;
  }

  @Override
  public String submission(JobRequest request) {
    return SlurmJson.write(V0038Codec.submission(request));
  }

  @Override
  public Long submittedJobId(HttpResult ok) throws ConnectorException {
    V0038JobSubmissionResponse answer =
        SlurmJson.read(ok, V0038JobSubmissionResponse.class, V0038Quirks.MAPPER);
    return answer.getErrors() != null && !answer.getErrors().isEmpty() ? null : answer.getJobId();
  }

  /**
   * Unchanged is a 304 with no body. The answer carries no time of slurmctld's, so the next time to
   * ask with is this machine's clock when the request left, less {@link #CLOCK_MARGIN_SECONDS} for
   * a clock ahead of slurmctld's (a time too early only costs a full listing).
   */
  @Override
  public JobListing listing(HttpResult r, long since, long sentAt) throws ConnectorException {
    if (since > 0 && r.status() == 304) {
      return JobListing.unchangedSince();
    }
    if (!r.ok()) {
      throw SlurmErrors.failure("listing jobs", r);
    }
    return new JobListing(
        false, V0038Answers.INSTANCE.jobs(r.source(), r.body()), sentAt - CLOCK_MARGIN_SECONDS);
  }

  @Override
  public void checkPing(HttpResult ok) throws ConnectorException {
    V0038Pings answer = SlurmJson.read(ok, V0038Pings.class, V0038Quirks.MAPPER);
    List<V0038Ping> pings = answer.getPings() == null ? List.of() : answer.getPings();
    if (pings.stream().noneMatch(p -> p.getPing() == V0038Ping.PingEnum.UP)) {
      throw new ConnectorException(
          "pinging slurmctld failed: " + ok.request() + " says no controller is UP", true);
    }
  }
}
