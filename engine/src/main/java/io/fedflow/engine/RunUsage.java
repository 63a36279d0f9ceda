package io.fedflow.engine;

/**
 * What the sites measured and charged for a run's attempts, over all of them (retries included).
 *
 * @param measuredAttempts the ended attempts whose site told their energy
 * @param energyJoules the energy of those attempts, in joules
 * @param billedAttempts the ended attempts whose site told their billing
 * @param billingHours the sum over those attempts of billing × the hours from start to end: the
 *     site's charge in its billing units (Slurm's billing TRES-hours; core-hours at CINECA)
 */
public record RunUsage(
    int measuredAttempts, long energyJoules, int billedAttempts, double billingHours) {

  public static final RunUsage NONE = new RunUsage(0, 0, 0, 0);

  /** Whether no attempt told its energy or billing. */
  public boolean isEmpty() {
    return measuredAttempts == 0 && billedAttempts == 0;
  }
}
