package io.fedflow.engine.core;

import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;

/**
 * What a cancel request does at once: every instance not at a site is cancelled; every instance at
 * a site gets a cancel order and stays as it is until the site says it ended (it may yet succeed).
 * An instance being submitted is left to the submission's answer, which then orders its cancel. The
 * final job is never cancelled: it runs after everything else, as DAGMan's FINAL node does.
 */
final class Cancellation {
  private Cancellation() {}

  static void sweep(Round r) {
    Topology t = r.topo;
    for (int j = 0; j < t.jobCount(); j++) {
      if (!r.cancelling(j) || r.count(j, JobState.WAITING) + r.count(j, JobState.READY) == 0) {
        continue;
      }
      for (int i = 0; i < t.size[j]; i++) {
        JobState s = r.state(j, i);
        if (s == JobState.WAITING || s == JobState.READY) {
          r.move(j, i, Trigger.CANCEL, d -> {}, "cancelled");
        }
      }
    }
    for (JobRow row : r.liveRows()) {
      int j = t.number(row.job());
      int i = (int) row.index();
      if (!r.cancelling(j)) {
        continue;
      }
      switch (row.state()) {
        case RETRY_WAIT -> r.move(j, i, Trigger.CANCEL, d -> d.retryAt = null, "cancelled");
        case SUBMITTING -> {
          if (row.retryAt() != null) {
            r.move(j, i, Trigger.CANCEL, d -> d.retryAt = null, "cancelled");
          }
        }
        case QUEUED, RUNNING, UNKNOWN -> r.cancelAtSite(row);
        default -> {}
      }
    }
  }
}
