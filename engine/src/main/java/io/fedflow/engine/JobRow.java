package io.fedflow.engine;

import java.time.Instant;

/**
 * The durable state of one job instance of a run: what the database holds and what recovery reads
 * back. A change of state is a new row value, never an in-place edit.
 *
 * @param instanceId {@code simulate[017]}, or the job id when the job does not fan out
 * @param job the job id ({@code simulate})
 * @param index the position in the job's fan-out, 0 without one
 * @param attempt 0 before the first submission, then 1, 2, ...
 * @param siteFaults how many of the attempts ended by the site's fault (a lost node, a preemption,
 *     a lost job): retried without counting against the job's retries, so recovery must know them
 * @param token the current attempt's submission token, or null before the first
 * @param site the site of the current attempt, or null
 * @param nativeId the site's id for the current attempt, or null while not known
 * @param exitCode the last attempt's exit code, or null
 * @param retryAt when a job in RETRY_WAIT becomes ready again, or null
 * @param startedAt when the current attempt started running, or null
 * @param endedAt when the job reached a terminal state (or the attempt ended), or null
 * @param energyJoules the energy the site measured for the current attempt, in joules, or null
 * @param billing the site's charge rate for the current attempt (Slurm's billing TRES), or null
 * @param updatedAt when this row last changed
 */
public record JobRow(
    String instanceId,
    String job,
    long index,
    JobState state,
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
    Instant updatedAt) {

  /** A new instance, waiting for its needs. */
  public static JobRow waiting(String instanceId, String job, long index, Instant now) {
    return unattempted(instanceId, job, index, JobState.WAITING, now);
  }

  /** An instance in a state before its first attempt (waiting, ready, skipped, cancelled). */
  public static JobRow unattempted(
      String instanceId, String job, long index, JobState state, Instant updatedAt) {
    return new JobRow(
        instanceId,
        job,
        index,
        state,
        0,
        0,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        updatedAt);
  }
}
