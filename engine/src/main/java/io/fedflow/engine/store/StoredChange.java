package io.fedflow.engine.store;

import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import java.time.Instant;

/**
 * One change as the journal holds it: the instance by its plan position, the state it left and the
 * fields of its new row.
 *
 * @param seq the change's number in the run's journal, from 1
 */
record StoredChange(
    long seq,
    long position,
    JobState from,
    JobState to,
    int attempt,
    int siteFaults,
    String token,
    String site,
    String nativeId,
    Integer exitCode,
    Instant retryAt,
    Instant startedAt,
    Instant endedAt,
    Long energyJoules,
    Double billing,
    Instant updatedAt,
    String detail) {

  JobRow row(String instanceId, String job, long index) {
    return new JobRow(
        instanceId,
        job,
        index,
        to,
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
