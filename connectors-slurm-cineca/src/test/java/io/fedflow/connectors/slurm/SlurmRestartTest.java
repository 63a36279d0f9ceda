package io.fedflow.connectors.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.dag.Workflow;
import io.fedflow.engine.JobState;
import io.fedflow.engine.RunState;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Restarting slurmctld, then slurmrestd, in the middle of a 20-job run loses nothing: the run ends
 * SUCCEEDED, no job FAILED for the site's silence (they may be UNKNOWN meanwhile), each job once in
 * accounting and in the ledger. Restarts the lab's daemons ({@code scripts/local-slurm.sh restart},
 * as root): other tests on the same lab see a few seconds of errors.
 */
@Tag("slurm-cluster")
class SlurmRestartTest {
  @TempDir Path home;

  @ParameterizedTest(name = "Slurm {0}")
  @MethodSource(SlurmLab.CLUSTERS)
  void restartingSlurmctldThenSlurmrestdMidRunLosesNothing(String cluster) throws Exception {
    SlurmLab lab = SlurmLab.require(cluster);
    SlurmLab.requireRoot("restarting the lab's daemons");
    Workflow wf =
        Workflow.named("restart")
            .job(
                "work",
                j ->
                    j.command("sh", "-c", SlurmScenarioTest.APPEND + "; sleep 3")
                        .forEachInRange(1, 20))
            .build();
    String runId;
    RunState end;
    long started = System.nanoTime();
    StringBuilder said = new StringBuilder();
    try (LabEngine engine = LabEngine.open(lab, home)) {
      runId = engine.submit(wf);
      CompletableFuture<RunState> following = engine.follow(runId);
      engine.await(runId, rows -> rows.stream().anyMatch(r -> r.state() == JobState.RUNNING), 60);
      said.append(lab.restart("slurmctld"));
      said.append(lab.restart("slurmrestd"));
      end = following.get(3, TimeUnit.MINUTES);
    }
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

    RunLedger run = RunLedger.read(lab, home, runId);
    System.out.printf(
        "Slurm %s restarts: run of 20 jobs %d s, %d UNKNOWN, %d FAILED; the script said:%n%s",
        cluster, seconds, run.unknowns(), run.failures(), said);
    assertThat(end).isEqualTo(RunState.SUCCEEDED);
    run.assertEveryJobSucceededOnce();
    assertThat(run.failures()).as("jobs FAILED at some point").isZero();
    run.assertEachAttemptIsOneSlurmJob();
    assertThat(run.sacct()).hasSize(20).extracting(RunLedger::baseState).containsOnly("COMPLETED");
    run.assertLedgerHasOneLinePerAttempt();
    SlurmLab.removeRun(cluster, runId);
  }
}
