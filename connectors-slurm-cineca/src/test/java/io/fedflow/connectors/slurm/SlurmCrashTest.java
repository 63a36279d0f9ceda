package io.fedflow.connectors.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.dag.Workflow;
import io.fedflow.dag.plan.Plan;
import io.fedflow.engine.ChildEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * kill -9 the engine and resume, on each cluster of the lab through each transport: an engine
 * process following a run on a slurm site (the engine module's crash harness, {@link ChildEngine},
 * with its pausing site wrapping {@code slurm}) is killed with SIGKILL at several points, a new one
 * resumes the run each time, and the run still ends SUCCEEDED with every job run once: once per
 * token in Slurm's accounting, once in the ledger.
 */
@Tag("slurm-cluster")
class SlurmCrashTest {
  @TempDir Path home;

  /** Where a child is killed: paused at a submission, or once the ledger has so many lines. */
  private record KillPoint(String what, int pauseBefore, int pauseAfter, int ledgerLines) {}

  @ParameterizedTest(name = "Slurm {0} over {1}")
  @MethodSource(SlurmLab.SITES)
  void killedWhileSubmittingAndWhileJobsRunTheResumedRunRunsEachJobOnce(
      String cluster, String transport) throws Exception {
    SlurmLab lab = SlurmLab.require(cluster, transport);
    String append = SlurmScenarioTest.APPEND + "; sleep 1";
    Workflow wf =
        Workflow.named("crash")
            .job("start", j -> j.command("sh", "-c", append))
            .job("fan", j -> j.command("sh", "-c", append).forEachInRange(1, 6).needs("start"))
            .job("merge", j -> j.command("sh", "-c", append).needs("fan"))
            .build();
    String runId;
    try (LabEngine engine = LabEngine.open(lab, home)) {
      runId = engine.submit(wf);
    } // each child owns the database in turn, as after a real restart
    Map<String, String> site = new HashMap<>(lab.site("lab" + cluster, Map.of()).settings());
    site.put("inner", "slurm");
    Path ledger = lab.onHost(lab.get("WORKDIR") + "/" + runId + "/work/ledger.txt");

    List<KillPoint> plan =
        List.of(
            // the token is committed, the sbatch never sent
            new KillPoint("before the site took submission 1", 1, 0, -1),
            // slurmctld has the job, the engine has not recorded its id
            new KillPoint("after the site took submission 1", 0, 1, -1),
            new KillPoint("after the site took submission 2", 0, 2, -1),
            new KillPoint("once 4 jobs ran", 0, 0, 4));
    List<String> killed = new ArrayList<>();
    long start = System.nanoTime();
    for (KillPoint k : plan) {
      try (ChildEngine child =
          ChildEngine.start(home, runId, k.pauseBefore(), k.pauseAfter(), site)) {
        assertThat(child.await("following", 60)).isNotNull();
        if (!reached(child, k, ledger) || !child.isAlive()) {
          break; // the run ended before this point
        }
        child.kill();
        killed.add(
            k.what() + " at " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start) + " ms");
      }
    }
    String ending;
    try (ChildEngine last = ChildEngine.start(home, runId, 0, 0, site)) {
      ending = last.await("ended", 180);
    }
    System.out.printf(
        "Slurm %s over %s crash: %d kills, run ended after %d s:%n  %s%n",
        cluster,
        transport,
        killed.size(),
        TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start),
        String.join("\n  ", killed));

    assertThat(killed).as("kill points reached").hasSize(4);
    assertThat(ending).isEqualTo("ended SUCCEEDED");
    RunLedger run = RunLedger.read(lab, home, runId);
    run.assertEveryJobSucceededOnce();
    run.assertEachAttemptIsOneSlurmJob();
    assertThat(run.sacct()).hasSize(8).extracting(RunLedger::baseState).containsOnly("COMPLETED");
    assertThat(run.sortedLedger())
        .as("every job ran exactly once")
        .isEqualTo(Plan.of(wf, Map.of()).instances().map(i -> i.id()).sorted().toList());
    SlurmLab.removeRun(cluster, runId);
  }

  private static boolean reached(ChildEngine child, KillPoint k, Path ledger) throws Exception {
    if (k.ledgerLines() < 0) {
      return child.await("paused", 90) != null;
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!Files.exists(ledger) || Files.readAllLines(ledger).size() < k.ledgerLines()) {
      if (!child.isAlive() || System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(20);
    }
    return true;
  }
}
