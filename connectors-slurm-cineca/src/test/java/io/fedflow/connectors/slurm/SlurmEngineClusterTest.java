package io.fedflow.connectors.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.dag.Workflow;
import io.fedflow.dag.yaml.WorkflowYamlReader;
import io.fedflow.engine.RunState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * examples/diamond.yaml through the engine, on one Slurm site: each of the lab's clusters, through
 * each transport; each of its 4 jobs is one Slurm job in accounting, by token.
 */
@Tag("slurm-cluster")
class SlurmEngineClusterTest {
  @TempDir Path home;

  @ParameterizedTest(name = "Slurm {0} over {1}")
  @MethodSource("io.fedflow.connectors.slurm.SlurmLab#sites")
  void theDiamondRunsToSucceededOnTheCluster(String cluster, String transport) throws Exception {
    SlurmLab lab = SlurmLab.require(cluster, transport);
    Path file = Path.of("..", "examples", "diamond.yaml").toAbsolutePath().normalize();
    Workflow diamond = WorkflowYamlReader.read(file);
    String runId;
    try (LabEngine engine = LabEngine.open(lab, home)) {
      runId = engine.engine().submit(diamond, file.toString(), Map.of()).id();
      assertThat(engine.follow(runId).get(3, TimeUnit.MINUTES)).isEqualTo(RunState.SUCCEEDED);
    }

    String joined = lab.get("WORKDIR") + "/" + runId + "/attempts/join/1/stdout";
    assertThat(Files.readString(lab.onHost(joined), StandardCharsets.UTF_8))
        .isEqualTo("FEDERATED federated\nWORKFLOWS workflows\n");
    RunLedger run = RunLedger.read(lab, home, runId);
    run.assertEveryJobSucceededOnce();
    run.assertEachAttemptIsOneSlurmJob();
    assertThat(run.sacct()).hasSize(4).extracting(RunLedger::baseState).containsOnly("COMPLETED");
    SlurmLab.removeRun(cluster, runId);
  }
}
