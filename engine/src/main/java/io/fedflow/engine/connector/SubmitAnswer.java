package io.fedflow.engine.connector;

/**
 * What a site answered to one submission of a batch ({@link Connector#submitAll}): the job it made,
 * or why it refused that one submission.
 */
public record SubmitAnswer(SiteJob job, ConnectorException refusal) {

  public SubmitAnswer {
    if ((job == null) == (refusal == null)) {
      throw new IllegalArgumentException("an answer is a job or a refusal");
    }
  }

  public static SubmitAnswer taken(SiteJob job) {
    return new SubmitAnswer(job, null);
  }

  public static SubmitAnswer refused(ConnectorException refusal) {
    return new SubmitAnswer(null, refusal);
  }
}
