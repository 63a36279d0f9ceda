package io.fedflow.connectors.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.dag.Workflow;
import io.fedflow.engine.JobState;
import io.fedflow.engine.RunState;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Restarting slurmctld in the middle of a 20-job run, then (over REST) slurmrestd, loses nothing:
 * the run ends SUCCEEDED, no job FAILED for the site's silence (they may be UNKNOWN meanwhile),
 * each job once in accounting and in the ledger. Over SSH the commands meet the restart as "Unable
 * to contact slurm controller", which must count as a passing fault. Restarts the lab's daemons
 * ({@code scripts/local-slurm.sh restart}, as root): other tests on the same lab see a few seconds
 * of errors.
 */
@Tag("slurm-cluster")
class SlurmRestartTest {
  @TempDir Path home;

  @ParameterizedTest(name = "Slurm {0} over {1}")
  @MethodSource(SlurmLab.SITES)
  void restartingTheDaemonsOnItsPathMidRunLosesNothing(String cluster, String transport)
      throws Exception {
    SlurmLab lab = SlurmLab.require(cluster, transport);
    // slurmrestd is no part of the SSH transport's path.
    List<String> daemons =
        transport.equals("rest") ? List.of("slurmctld", "slurmrestd") : List.of("slurmctld");
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
    // The engine's warnings (a poll that failed, a submission refused): whether the restarts
    // reached it as errors at all, or Slurm's commands and slurmrestd waited for slurmctld.
    StringWriter log = new StringWriter();
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    WriterAppender appender =
        WriterAppender.newBuilder()
            .setName("capture-restart")
            .setTarget(log)
            .setLayout(PatternLayout.newBuilder().withPattern("%m%n").build())
            .build();
    appender.start();
    ctx.getConfiguration().getRootLogger().addAppender(appender, Level.WARN, null);
    Configurator.setRootLevel(Level.WARN);
    try (LabEngine engine = LabEngine.open(lab, home)) {
      runId = engine.submit(wf);
      CompletableFuture<RunState> following = engine.follow(runId);
      engine.await(runId, rows -> rows.stream().anyMatch(r -> r.state() == JobState.RUNNING), 60);
      for (String daemon : daemons) {
        said.append(lab.restart(daemon));
      }
      end = following.get(3, TimeUnit.MINUTES);
    } finally {
      ctx.getConfiguration().getRootLogger().removeAppender("capture-restart");
      Configurator.setRootLevel(Level.ERROR);
    }
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

    RunLedger run = RunLedger.read(lab, home, runId);
    System.out.printf(
        "Slurm %s over %s, restarts of %s: run of 20 jobs %d s, %d UNKNOWN, %d FAILED; the script"
            + " said:%n%s  the engine logged %d warnings and errors:%n%s",
        cluster,
        transport,
        daemons,
        seconds,
        run.unknowns(),
        run.failures(),
        said,
        log.toString().lines().count(),
        log.toString().lines().map(l -> "    " + l + "\n").collect(Collectors.joining()));
    assertThat(end).isEqualTo(RunState.SUCCEEDED);
    run.assertEveryJobSucceededOnce();
    assertThat(run.failures()).as("jobs FAILED at some point").isZero();
    run.assertEachAttemptIsOneSlurmJob();
    assertThat(run.sacct()).hasSize(20).extracting(RunLedger::baseState).containsOnly("COMPLETED");
    run.assertLedgerHasOneLinePerAttempt();
    SlurmLab.removeRun(cluster, runId);
  }
}
