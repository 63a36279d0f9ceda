package io.fedflow.engine.core;

import io.fedflow.engine.connector.Observation;
import io.fedflow.engine.connector.SiteJob;

/**
 * Something that happened since the last decision. Events about a job name its attempt by
 * submission token: an event about an attempt that is no longer the instance's current one (a late
 * answer, a repeated one) changes nothing.
 */
public sealed interface EngineEvent {

  /** The site accepted a submission. */
  record Submitted(SiteJob job) implements EngineEvent {}

  /**
   * The site refused a submission, or the call failed.
   *
   * @param transientFailure whether trying again may work (a timeout, a 503): then the same token
   *     is submitted again after a delay; else the job fails
   */
  record SubmitRejected(String token, String reason, boolean transientFailure)
      implements EngineEvent {}

  /** What a poll of the site said of the job. */
  record Observed(SiteJob job, Observation observation) implements EngineEvent {}

  /** The user asked to cancel the run (also sent again when a cancelled run is resumed). */
  record CancelRequested() implements EngineEvent {}

  /** Time passed: timers may be due, room may have opened at a site. */
  record Tick() implements EngineEvent {}

  /**
   * After a restart, what the site said when asked for the token of an instance in flight.
   *
   * @param found the site's job with this token, or null when the site has none
   */
  record Recovered(String token, SiteJob found) implements EngineEvent {}
}
