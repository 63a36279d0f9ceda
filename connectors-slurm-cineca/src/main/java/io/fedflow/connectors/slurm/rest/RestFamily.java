package io.fedflow.connectors.slurm.rest;

import io.fedflow.connectors.slurm.rest.v0038.V0038Rest;
import io.fedflow.connectors.slurm.rest.v0040.V0040Rest;
import io.fedflow.engine.connector.ConnectorException;

/**
 * What differs between slurmrestd's API families, in one place per family ({@link V0038Rest},
 * {@link V0040Rest}); {@link SlurmRest} makes every request the same way over it. Both families
 * take {@code /slurm/<v>/job/<id>} and {@code /slurmdb/<v>/job/<id>}, and answer an unknown job or
 * a refused token as {@link SlurmErrors} reads it.
 */
public interface RestFamily {

  ApiVersion version();

  /** The reader of this family's bodies. */
  SlurmAnswers answers();

  /** Whether a collection's path ends with a slash ({@code /jobs/}), as since v0.0.40. */
  boolean slashAfterCollections();

  /** The body of {@code POST /slurm/<v>/job/submit}. */
  String submission(JobRequest request);

  /**
   * The new job's id in a 2xx answer to a submit, or null when the answer carries errors instead
   * (22.05 reports some refusals that way) or no id. The body is parsed once, here.
   */
  Long submittedJobId(HttpResult ok) throws ConnectorException;

  /**
   * The listing in the answer, of any status, to {@code GET /slurm/<v>/jobs}, with {@code
   * ?update_time=<since>} when {@code since} is above 0: how "unchanged" looks is the family's.
   *
   * @param sentAt this machine's clock when the request left, in epoch seconds
   */
  JobListing listing(HttpResult r, long since, long sentAt) throws ConnectorException;

  /**
   * Fails, with a message naming the request, unless this 2xx answer to a ping shows a controller
   * UP.
   */
  void checkPing(HttpResult ok) throws ConnectorException;

  /** The family of a version. */
  static RestFamily of(ApiVersion version) {
    return version.modern() ? new V0040Rest(version) : V0038Rest.INSTANCE;
  }
}
