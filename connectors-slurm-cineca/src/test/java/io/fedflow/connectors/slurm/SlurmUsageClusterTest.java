package io.fedflow.connectors.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.connectors.slurm.rest.JobRecord;
import io.fedflow.dag.Workflow;
import io.fedflow.engine.Engine;
import io.fedflow.engine.EngineConfig;
import io.fedflow.engine.RunRecord;
import io.fedflow.engine.RunState;
import io.fedflow.engine.RunUsage;
import io.fedflow.engine.connector.AttemptOutput;
import io.fedflow.engine.store.Attempt;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A job through the engine on each lab cluster: its attempt carries the billing Slurm's accounting
 * tells for it, no energy (the lab has no energy plugin, so Slurm says 0: not measured), and its
 * output is named where it lies on the cluster.
 */
@Tag("slurm-cluster")
class SlurmUsageClusterTest {
  private static final Duration PATIENCE = Duration.ofSeconds(60);

  @TempDir java.nio.file.Path home;

  static List<String> clusters() {
    return SlurmLab.clusters();
  }

  @ParameterizedTest(name = "Slurm {0}")
  @MethodSource("clusters")
  void anAttemptCarriesTheBillingAccountingTells(String cluster) throws Exception {
    SlurmLab lab = SlurmLab.require(cluster);
    String site = "lab" + cluster;
    Workflow wf = Workflow.named("billed").job("hello", j -> j.command("echo", "billed")).build();
    EngineConfig config = new EngineConfig(home, null, List.of(lab.site(site, Map.of())), null);
    try (Engine engine = Engine.open(config)) {
      RunRecord run = engine.submit(wf, null, Map.of());
      CompletableFuture<RunState> end =
          CompletableFuture.supplyAsync(() -> engine.follow(run.id(), p -> {}));
      assertThat(end.get(3, TimeUnit.MINUTES))
          .as(() -> "attempts " + engine.attempts().of(run.id(), "hello"))
          .isEqualTo(RunState.SUCCEEDED);

      Attempt attempt = engine.attempts().of(run.id(), "hello").get(0);
      JobRecord accounted = accounted(lab, Long.parseLong(attempt.nativeId()));
      assertThat(accounted.billing()).as("the lab's accounting bills every job").isNotNull();
      assertThat(attempt.billing()).isEqualTo(accounted.billing());
      assertThat(attempt.energyJoules()).isNull();
      assertThat(engine.jobs(run.id()).get(0).billing()).isEqualTo(accounted.billing());
      RunUsage usage = engine.attempts().usage(run.id());
      assertThat(usage.billedAttempts()).isEqualTo(1);
      assertThat(usage.measuredAttempts()).isZero();

      String stdout = lab.get("WORKDIR") + "/" + run.id() + "/attempts/hello/1/stdout";
      Optional<AttemptOutput> out =
          engine.attempts().siteOutput(run.id(), "hello", 1, AttemptOutput.Stream.STDOUT);
      assertThat(out)
          .contains(new AttemptOutput.Elsewhere(stdout, "slurmrestd cannot fetch files"));
      SlurmLab.removeRun(cluster, run.id());
    }
  }

  /** The job as slurmdbd has it, once it has recorded its end (a moment after slurmctld). */
  private static JobRecord accounted(SlurmLab lab, long id) throws Exception {
    try (SlurmConnector direct = (SlurmConnector) SlurmConnectorClusterTest.open(lab, Map.of())) {
      long deadline = System.nanoTime() + PATIENCE.toNanos();
      while (System.nanoTime() < deadline) {
        Optional<JobRecord> r = direct.rest().accountingJob(id);
        if (r.isPresent() && r.get().ended() != null) {
          return r.get();
        }
        Thread.sleep(300);
      }
    }
    throw new AssertionError("job " + id + " not ended in accounting after " + PATIENCE);
  }
}
