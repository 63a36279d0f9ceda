package io.fedflow.engine.core;

import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import java.util.List;

/**
 * Turns a run's state and new events into an outcome: the transitions to record, the attempts to
 * submit, the jobs to cancel, and the run's end. Pure: it reads the model and never changes it; the
 * executor commits the outcome, carries it out and then applies it to the model. Its cost follows
 * the events and what they set moving, never the size of the run (except once: the first round
 * after a start looks at every waiting instance, and a cancel at every unfinished one).
 *
 * <p>A round goes: the events in order; the timers due; on the first round, every waiting instance
 * whose needs are met; on a cancel, the sweep; the final job once everything else has ended; then
 * the ready queue, as far as the throttles allow.
 */
public final class Decider {

  public Outcome decide(RunModel model, List<EngineEvent> events, DecisionContext ctx) {
    boolean cancelEvent = false;
    for (EngineEvent e : events) {
      cancelEvent |= e instanceof EngineEvent.CancelRequested;
    }
    Round r = new Round(model, ctx, model.cancelRequested() || cancelEvent);
    if (model.isOver()) {
      return r.outcome();
    }
    for (EngineEvent e : events) {
      EventRules.apply(r, e);
    }
    dueTimers(r);
    if (model.startupCheckPending() && !r.cancelling) {
      Readiness.releaseAllMet(r);
    }
    if (cancelEvent) {
      Cancellation.sweep(r);
    }
    Readiness.releaseFinal(r);
    Selection.choose(r);
    return r.outcome();
  }

  /** Retries whose backoff has elapsed become ready; deferred submissions are tried again. */
  private static void dueTimers(Round r) {
    for (Timers.Timer t : r.dueTimers()) {
      int j = Topology.jobOf(t.key());
      int i = Topology.indexOf(t.key());
      JobRow row = r.row(j, i);
      if (!RunModel.isTimed(row) || !t.at().equals(row.retryAt())) {
        continue; // changed earlier in this round
      }
      if (r.cancelling(j)) {
        r.move(j, i, Trigger.CANCEL, d -> d.retryAt = null, "cancelled");
      } else if (row.state() == JobState.RETRY_WAIT) {
        r.move(j, i, Trigger.BACKOFF_ELAPSED, d -> d.retryAt = null, "backoff elapsed");
      } else {
        r.move(j, i, Trigger.BACKOFF_ELAPSED, d -> d.retryAt = null, "submitting again");
        r.submit(j, i);
      }
    }
  }
}
