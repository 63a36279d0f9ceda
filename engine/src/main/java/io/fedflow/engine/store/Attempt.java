package io.fedflow.engine.store;

import io.fedflow.engine.JobState;
import java.time.Instant;

/**
 * One attempt of one job instance as recorded: opened when the job went SUBMITTING with a new
 * token, closed when the job left the site's hands.
 *
 * @param outcome null while the attempt is live; then the state the job went to (a failure that is
 *     retried is FAILED here, RETRY_WAIT for the job)
 * @param reason the detail of the attempt's last recorded change
 * @param energyJoules the energy the site measured for the attempt, in joules, or null
 * @param billing the site's charge rate for the attempt (Slurm's billing TRES), or null
 */
public record Attempt(
    String runId,
    String instanceId,
    int attempt,
    String token,
    String site,
    String nativeId,
    JobState outcome,
    Integer exitCode,
    Instant submittedAt,
    Instant startedAt,
    Instant endedAt,
    String reason,
    Long energyJoules,
    Double billing) {}
