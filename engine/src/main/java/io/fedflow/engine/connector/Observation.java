package io.fedflow.engine.connector;

import java.time.Instant;

/**
 * What a site said of a job at one poll.
 *
 * @param exitCode the exit code when the job ended, or null
 * @param started when it started running, or null
 * @param ended when it ended, or null
 * @param siteFault the job failed for the site's reasons (node failure, preemption), not its own:
 *     retried without counting against the job's retries
 * @param reason the site's words for a failure or a hold, or null
 * @param energyJoules the energy the site measured for the job, in joules, or null when it does not
 *     measure (a site that reports 0 for "no energy plugin" must say null)
 * @param billing the site's charge rate for the job as the site reports it (Slurm's billing TRES:
 *     its allocated resources weighted by the partition's {@code TRESBillingWeights}, so that the
 *     charge is billing × elapsed time), or null when the site tells none
 */
public record Observation(
    SiteState state,
    Integer exitCode,
    Instant started,
    Instant ended,
    boolean siteFault,
    String reason,
    Long energyJoules,
    Double billing) {

  public static Observation of(SiteState state) {
    return new Observation(state, null, null, null, false, null, null, null);
  }

  /** A job running since {@code started}, nothing measured of it. */
  public static Observation running(Instant started) {
    return new Observation(SiteState.RUNNING, null, started, null, false, null, null, null);
  }

  /** This observation with the energy and billing given (each null when not known). */
  public Observation withUsage(Long energyJoules, Double billing) {
    return new Observation(
        state, exitCode, started, ended, siteFault, reason, energyJoules, billing);
  }
}
