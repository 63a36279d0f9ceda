package io.fedflow.connectors.slurm.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedflow.connectors.slurm.rest.ApiVersion;
import io.fedflow.engine.connector.ConnectorException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What Slurm's commands print when they fail (words seen on 22.05 and 24.11), as errors. */
class CommandFailuresTest {
  private final CommandFailures failures = new CommandFailures("leonardo");
  private static final List<String> SBATCH = List.of("sbatch", "--parsable", "--partition=nope");

  @Test
  void aRefusedJobIsPermanentAndNamesSiteCommandAndSlurmsWords() {
    LoginNode.Result r =
        new LoginNode.Result(
            1,
            "",
            "sbatch: error: invalid partition specified: nope\n"
                + "sbatch: error: Batch job submission failed: Invalid partition name specified\n");
    assertThatThrownBy(() -> failures.check(SBATCH, r))
        .isInstanceOfSatisfying(
            ConnectorException.class, e -> assertThat(e.isTransient()).isFalse())
        .hasMessage(
            "site leonardo: sbatch --parsable --partition=nope failed with exit code 1: sbatch:"
                + " error: invalid partition specified: nope\n"
                + "sbatch: error: Batch job submission failed: Invalid partition name specified");
  }

  @Test
  void anUnreachableControllerIsTransient() {
    for (String said :
        List.of(
            "sbatch: error: Batch job submission failed: Unable to contact slurm controller"
                + " (connect failure)",
            "squeue: error: slurm_receive_msg: Socket timed out on send/recv operation",
            "sacct: error: Problem talking to the database: Connection refused")) {
      assertThatThrownBy(() -> failures.check(SBATCH, new LoginNode.Result(1, "", said)))
          .isInstanceOfSatisfying(
              ConnectorException.class, e -> assertThat(e.isTransient()).isTrue());
    }
  }

  @Test
  void exitZeroIsNoFailure() throws Exception {
    failures.check(SBATCH, new LoginNode.Result(0, "42\n", "sbatch: warning: something\n"));
  }

  @Test
  void theReleaseChoosesTheJsonFedflowReads() throws Exception {
    assertThat(SlurmRelease.parse("slurm-wlm 22.05.8\n").version("s")).isEqualTo(ApiVersion.V0038);
    assertThat(SlurmRelease.parse("slurm 23.11.10").version("s")).isEqualTo(ApiVersion.V0040);
    assertThat(SlurmRelease.parse("slurm 24.05.3").version("s")).isEqualTo(ApiVersion.V0040);
    assertThat(SlurmRelease.parse("slurm-wlm 24.11.5").version("s")).isEqualTo(ApiVersion.V0042);
    assertThat(SlurmRelease.parse("slurm 25.05.0").version("s")).isEqualTo(ApiVersion.V0042);
    assertThatThrownBy(() -> SlurmRelease.parse("slurm 23.02.7").version("leonardo"))
        .isInstanceOfSatisfying(
            ConnectorException.class, e -> assertThat(e.isTransient()).isFalse())
        .hasMessage(
            "site leonardo: sbatch --version says '23.02.7': fedflow reads the --json of Slurm"
                + " 22.05 (v0.0.38) and of 23.11 or later (v0.0.40 to v0.0.42)");
  }
}
