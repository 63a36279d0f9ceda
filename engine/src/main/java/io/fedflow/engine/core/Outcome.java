package io.fedflow.engine.core;

import io.fedflow.engine.JobChange;
import io.fedflow.engine.RunState;
import io.fedflow.engine.connector.SiteJob;
import java.util.List;

/**
 * What one decision round decided, for the executor to commit in one transaction and then carry
 * out: record the changes, then submit and cancel at the sites, then {@link RunModel#apply}.
 *
 * @param changes the transitions, in the order they were decided (an instance may change twice)
 * @param toSubmit attempts to submit, already recorded as SUBMITTING with their token in {@code
 *     changes}, or submissions to try again with their recorded token
 * @param toCancel jobs to cancel at their sites; they become CANCELLED when seen ended
 * @param runEnd the run's final state when every instance is terminal after these changes, else
 *     null
 * @param cancelling whether the run is being cancelled: to record with the run, and to pass to
 *     {@link RunModel#of} when the run is resumed
 */
public record Outcome(
    List<JobChange> changes,
    List<SubmitOrder> toSubmit,
    List<SiteJob> toCancel,
    RunState runEnd,
    boolean cancelling) {

  public Outcome {
    changes = List.copyOf(changes);
    toSubmit = List.copyOf(toSubmit);
    toCancel = List.copyOf(toCancel);
  }

  /** Whether there is nothing to record or do. */
  public boolean isEmpty() {
    return changes.isEmpty() && toSubmit.isEmpty() && toCancel.isEmpty();
  }
}
