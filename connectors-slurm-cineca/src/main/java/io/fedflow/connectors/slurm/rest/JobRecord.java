package io.fedflow.connectors.slurm.rest;

import java.time.Instant;
import java.util.List;

/**
 * A job as slurmctld or slurmdbd told of it, in fedflow's words. Absent values are null.
 *
 * @param states the job's state names, base state first then flags ({@code [RUNNING, COMPLETING]});
 *     v0.0.38 gives one name
 * @param exitCode the batch script's exit code when it exited normally
 * @param signal the signal that ended it, when one did
 * @param reason Slurm's reason for the state ({@code None} is left out)
 * @param billing the job's billing TRES (what the site charges)
 * @param energyJoules ConsumedEnergy, when the site measures energy
 * @param fromAccounting the record came from slurmdbd because slurmctld had forgotten the job
 * @param user the user the job runs as
 * @param arrayJobId the array's job id when the record is (part of) a job array
 * @param arrayTaskId the task's index in its array, when the record is one task
 * @param arrayPending the tasks still pending together in this one record, as Slurm writes them
 *     ({@code 3-99}, {@code 2,4%1}): slurmctld keeps the pending tasks of an array in the array's
 *     own record until each starts
 */
public record JobRecord(
    long id,
    String name,
    String comment,
    List<String> states,
    Integer exitCode,
    Integer signal,
    Instant submitted,
    Instant started,
    Instant ended,
    String reason,
    Double billing,
    Long energyJoules,
    boolean fromAccounting,
    String user,
    Long arrayJobId,
    Integer arrayTaskId,
    String arrayPending) {

  public JobRecord {
    states = List.copyOf(states);
  }
}
