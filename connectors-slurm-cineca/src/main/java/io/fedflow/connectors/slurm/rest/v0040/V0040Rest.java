package io.fedflow.connectors.slurm.rest.v0040;

import io.fedflow.connectors.slurm.rest.ApiVersion;
import io.fedflow.connectors.slurm.rest.HttpResult;
import io.fedflow.connectors.slurm.rest.JobListing;
import io.fedflow.connectors.slurm.rest.JobRequest;
import io.fedflow.connectors.slurm.rest.RestFamily;
import io.fedflow.connectors.slurm.rest.SlurmAnswers;
import io.fedflow.connectors.slurm.rest.SlurmErrors;
import io.fedflow.connectors.slurm.rest.SlurmJson;
import io.fedflow.connectors.slurm.rest.v0040.model.V0042ControllerPing;
import io.fedflow.connectors.slurm.rest.v0040.model.V0042OpenapiJobSubmitResponse;
import io.fedflow.connectors.slurm.rest.v0040.model.V0042OpenapiPingArrayResp;
import io.fedflow.engine.connector.ConnectorException;
import java.util.List;

/**
 * slurmrestd's v0.0.40, v0.0.41 and v0.0.42: collections end with a slash, "unchanged" is an empty
 * list, a bad token pings as a controller DOWN.
 */
public final class V0040Rest implements RestFamily {
  private final ApiVersion version;

  public V0040Rest(ApiVersion version) {
    if (!version.modern()) {
      throw new IllegalArgumentException(version.tag() + " is not of the v0.0.40 family");
    }
    this.version = version;
  }

  @Override
  public ApiVersion version() {
    return version;
  }

  @Override
  public SlurmAnswers answers() {
    return V0040Answers.INSTANCE;
  }

  @Override
  public boolean slashAfterCollections() {
    return true;
  }

  @Override
  public String submission(JobRequest request) {
    return SlurmJson.write(V0040Codec.submission(request));
  }

  @Override
  public Long submittedJobId(HttpResult ok) throws ConnectorException {
    V0042OpenapiJobSubmitResponse answer = SlurmJson.read(ok, V0042OpenapiJobSubmitResponse.class);
    return answer.getErrors() != null && !answer.getErrors().isEmpty() ? null : answer.getJobId();
  }

  /**
   * Unchanged is an empty list with a {@code last_update} of 0 (and a warning "No job changes
   * since"); a full answer's {@code last_update} is slurmctld's time when it packed the list.
   */
  @Override
  public JobListing listing(HttpResult r, long since, long sentAt) throws ConnectorException {
    if (!r.ok()) {
      throw SlurmErrors.failure("listing jobs", r);
    }
    JobListing listing =
        V0040Answers.INSTANCE
            .jobListing(r.source(), r.body())
            .orElseThrow(() -> SlurmErrors.failure("listing jobs", r));
    if (since > 0 && listing.jobs().isEmpty() && listing.asOf() == 0) {
      return JobListing.unchangedSince();
    }
    return listing;
  }

  /** A bad token is a 200 here, with every controller {@code DOWN}. */
  @Override
  public void checkPing(HttpResult ok) throws ConnectorException {
    V0042OpenapiPingArrayResp answer = SlurmJson.read(ok, V0042OpenapiPingArrayResp.class);
    List<V0042ControllerPing> pings = answer.getPings() == null ? List.of() : answer.getPings();
    if (pings.stream().noneMatch(V0040Rest::up)) {
      throw new ConnectorException(
          "pinging slurmctld failed: "
              + ok.request()
              + " says no controller is UP (slurmctld down, or the token was refused)",
          false);
    }
  }

  /** {@code responding} since v0.0.41; v0.0.40 has only {@code pinged}, deprecated later. */
  @SuppressWarnings("deprecation")
  private static boolean up(V0042ControllerPing p) {
    return p.getResponding() != null ? p.getResponding() : "UP".equals(p.getPinged());
  }
}
