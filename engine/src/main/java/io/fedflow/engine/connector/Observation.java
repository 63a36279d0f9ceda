package io.fedflow.engine.connector;

import java.time.Instant;

/**
 * What a site said of a job at one poll.
 *
 * @param exitCode the exit code when the job ended, or null
 * @param started when it started running, or null
 * @param ended when it ended, or null
 * @param siteFault the job failed for the site's reasons (node failure, preemption), not its own:
 *     retried without counting against the job's retries
 * @param reason the site's words for a failure or a hold, or null
 */
public record Observation(
    SiteState state,
    Integer exitCode,
    Instant started,
    Instant ended,
    boolean siteFault,
    String reason) {

  public static Observation of(SiteState state) {
    return new Observation(state, null, null, null, false, null);
  }
}
