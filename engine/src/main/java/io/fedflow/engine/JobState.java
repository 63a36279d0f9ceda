package io.fedflow.engine;

/**
 * The life of one job instance in a run. The transitions between these states are a table ({@code
 * JobLifecycle}); nothing sets a state directly.
 */
public enum JobState {
  /** Waiting for the jobs it needs. */
  WAITING,
  /** Its needs are met; waiting for a slot under the throttles. */
  READY,
  /** Recorded with its submission token; the site is being called. */
  SUBMITTING,
  /** Accepted by the site, waiting in its queue. */
  QUEUED,
  RUNNING,
  SUCCEEDED,
  /** Failed for good: no retries left, or a failure that retrying cannot mend. */
  FAILED,
  /** Failed; waiting for its backoff delay before the next attempt. */
  RETRY_WAIT,
  CANCELLED,
  /** Not run because a job it needs failed for good. */
  SKIPPED,
  /** The site did not say; never a failure by itself. */
  UNKNOWN;

  public boolean isTerminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED || this == SKIPPED;
  }
}
