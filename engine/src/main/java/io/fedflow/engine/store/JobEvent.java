package io.fedflow.engine.store;

import io.fedflow.engine.JobState;
import java.time.Instant;

/**
 * One recorded transition of one job instance, from the append-only event log.
 *
 * @param seq the log's sequence number: later events have larger numbers
 */
public record JobEvent(
    long seq,
    String runId,
    String instanceId,
    Instant at,
    JobState from,
    JobState to,
    String detail) {}
