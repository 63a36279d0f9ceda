package io.fedflow.cli;

import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import io.fedflow.engine.RunRecord;
import io.fedflow.engine.RunState;
import java.time.Instant;
import java.util.Map;

/** Stored runs and job rows for the table tests, as the engine would return them. */
final class Rows {
  static final Instant T0 = Instant.parse("2026-11-25T19:32:01Z");
  static final String RUN_DIR = "/home/ada/.fedflow/runs/20261125-193201-ab12";

  private Rows() {}

  static RunRecord run(String id, String workflow, RunState state, Instant created, Instant ended) {
    return new RunRecord(
        id,
        workflow,
        "examples/" + workflow + ".yaml",
        "version: 1\n",
        Map.of(),
        state,
        "/home/ada/.fedflow/runs/" + id,
        created,
        ended);
  }

  /** A job that has run: started {@code started} seconds after T0, ended {@code ended} after. */
  static JobRow ran(
      String instanceId, JobState state, int attempt, Integer exit, long started, long ended) {
    String job =
        instanceId.contains("[") ? instanceId.substring(0, instanceId.indexOf('[')) : instanceId;
    return new JobRow(
        instanceId,
        job,
        0,
        state,
        attempt,
        0,
        "20261125-193201-ab12." + attempt,
        "local",
        "4242",
        exit,
        null,
        T0.plusSeconds(started),
        state.isTerminal() || exit != null ? T0.plusSeconds(ended) : null,
        null,
        null,
        T0.plusSeconds(ended));
  }

  static JobRow running(String instanceId, long started) {
    JobRow r = ran(instanceId, JobState.RUNNING, 1, null, started, started);
    return new JobRow(
        r.instanceId(),
        r.job(),
        r.index(),
        r.state(),
        1,
        0,
        r.token(),
        "local",
        "4242",
        null,
        null,
        r.startedAt(),
        null,
        null,
        null,
        r.updatedAt());
  }

  static JobRow waiting(String instanceId) {
    String job =
        instanceId.contains("[") ? instanceId.substring(0, instanceId.indexOf('[')) : instanceId;
    return JobRow.waiting(instanceId, job, 0, T0);
  }

  static JobRow skipped(String instanceId) {
    JobRow w = waiting(instanceId);
    return new JobRow(
        w.instanceId(),
        w.job(),
        0,
        JobState.SKIPPED,
        0,
        0,
        null,
        null,
        null,
        null,
        null,
        null,
        T0.plusSeconds(2),
        null,
        null,
        T0.plusSeconds(2));
  }

  /** The row with the energy and billing a site told for its attempt. */
  static JobRow measured(JobRow r, Long energyJoules, Double billing) {
    return new JobRow(
        r.instanceId(),
        r.job(),
        r.index(),
        r.state(),
        r.attempt(),
        r.siteFaults(),
        r.token(),
        "lab22",
        r.nativeId(),
        r.exitCode(),
        r.retryAt(),
        r.startedAt(),
        r.endedAt(),
        energyJoules,
        billing,
        r.updatedAt());
  }
}
