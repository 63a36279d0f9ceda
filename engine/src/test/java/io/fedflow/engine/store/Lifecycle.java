package io.fedflow.engine.store;

import io.fedflow.engine.JobChange;
import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import java.time.Duration;
import java.time.Instant;

/** One instance moved through its states as a decider would, a second apart. */
final class Lifecycle {
  static final Instant T0 = Instant.parse("2026-11-25T19:32:00.123456789Z");

  JobRow row;
  private int step;

  Lifecycle(String instanceId) {
    this(JobRow.waiting(instanceId, instanceId, 0, T0));
  }

  Lifecycle(JobRow row) {
    this.row = row;
  }

  Instant at(int step) {
    return T0.plus(Duration.ofSeconds(step));
  }

  JobChange to(JobState state, String detail) {
    return move(
        new JobRow(
            row.instanceId(),
            row.job(),
            row.index(),
            state,
            row.attempt(),
            row.siteFaults(),
            row.token(),
            row.site(),
            row.nativeId(),
            row.exitCode(),
            null,
            row.startedAt(),
            null,
            null,
            null,
            at(++step)),
        detail);
  }

  JobChange submit(String token, String detail) {
    return move(
        new JobRow(
            row.instanceId(),
            row.job(),
            row.index(),
            JobState.SUBMITTING,
            row.attempt() + 1,
            row.siteFaults(),
            token,
            "local",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            at(++step)),
        detail);
  }

  JobChange queued(String nativeId, String detail) {
    return move(
        new JobRow(
            row.instanceId(),
            row.job(),
            row.index(),
            JobState.QUEUED,
            row.attempt(),
            row.siteFaults(),
            row.token(),
            row.site(),
            nativeId,
            null,
            null,
            null,
            null,
            null,
            null,
            at(++step)),
        detail);
  }

  JobChange running(String detail) {
    step++;
    return move(
        new JobRow(
            row.instanceId(),
            row.job(),
            row.index(),
            JobState.RUNNING,
            row.attempt(),
            row.siteFaults(),
            row.token(),
            row.site(),
            row.nativeId(),
            null,
            null,
            at(step),
            null,
            null,
            null,
            at(step)),
        detail);
  }

  JobChange ended(JobState state, int exitCode, String detail) {
    step++;
    Instant retryAt = state == JobState.RETRY_WAIT ? at(step + 1) : null;
    return move(
        new JobRow(
            row.instanceId(),
            row.job(),
            row.index(),
            state,
            row.attempt(),
            row.siteFaults(),
            row.token(),
            row.site(),
            row.nativeId(),
            exitCode,
            retryAt,
            row.startedAt(),
            at(step),
            null,
            null,
            at(step)),
        detail);
  }

  private JobChange move(JobRow next, String detail) {
    JobChange change = new JobChange(next, row.state(), detail);
    row = next;
    return change;
  }
}
