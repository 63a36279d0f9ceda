package io.fedflow.engine.core;

import java.util.Locale;

/** What makes a job instance change state; {@link JobLifecycle} says from which states each may. */
enum Trigger {
  /** Every instance it waits for has succeeded (for the final job: every other job finished). */
  NEEDS_MET,
  /** An instance it waits for failed for good or was skipped: it can never run. */
  UPSTREAM_FAILED,
  /** Picked from the ready queue under the throttles: recorded with a new token and attempt. */
  CHOSEN,
  /** The site took the submission (or, after a crash, showed that it had it). */
  ACCEPTED,
  /** A transient submission failure: the same token is submitted again after a delay. */
  SUBMIT_DEFERRED,
  /** The site refused the submission for good (a bad request, a bad credential). */
  REJECTED,
  /** Seen running. */
  STARTED,
  /** Seen waiting in the site's queue again: after an eviction, or after the site was silent. */
  SEEN_QUEUED,
  /** Seen ended well. */
  SUCCEEDED,
  /** Seen failed, with retries left: waits its backoff, and uses one retry. */
  FAILED_RETRYABLE,
  /** Seen failed, no retries left. */
  FAILED_FINAL,
  /** Failed for the site's reasons (a lost node, a preemption): retried, no retry used. */
  SITE_FAULT,
  /** The site no longer has a job it accepted and cannot tell its end: retried, no retry used. */
  SITE_LOST_JOB,
  /** The site did not tell the job's state. */
  SITE_SILENT,
  /** A timer is due: a retry becomes ready, or a deferred submission is tried again. */
  BACKOFF_ELAPSED,
  /** The run is being cancelled and the job is not at a site. */
  CANCEL,
  /** The run is being cancelled and the site ended the job (or no longer has it). */
  CANCELLED_AT_SITE;

  /** {@code failed retryable}: for messages and the diagram. */
  String words() {
    return name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
