package io.fedflow.engine.core;

import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import java.time.Instant;

/** A job row being changed by one transition: starts as the old row, ends as the new one. */
final class RowDraft {
  private final JobRow old;
  JobState state;
  int attempt;
  int siteFaults;
  String token;
  String site;
  String nativeId;
  Integer exitCode;
  Instant retryAt;
  Instant startedAt;
  Instant endedAt;
  Long energyJoules;
  Double billing;
  Instant updatedAt;

  RowDraft(JobRow old) {
    this.old = old;
    state = old.state();
    attempt = old.attempt();
    siteFaults = old.siteFaults();
    token = old.token();
    site = old.site();
    nativeId = old.nativeId();
    exitCode = old.exitCode();
    retryAt = old.retryAt();
    startedAt = old.startedAt();
    endedAt = old.endedAt();
    energyJoules = old.energyJoules();
    billing = old.billing();
    updatedAt = old.updatedAt();
  }

  JobRow build() {
    return new JobRow(
        old.instanceId(),
        old.job(),
        old.index(),
        state,
        attempt,
        siteFaults,
        token,
        site,
        nativeId,
        exitCode,
        retryAt,
        startedAt,
        endedAt,
        energyJoules,
        billing,
        updatedAt);
  }
}
