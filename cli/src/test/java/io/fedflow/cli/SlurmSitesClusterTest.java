package io.fedflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.connectors.slurm.SlurmLab;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code fedflow run examples/diamond.yaml --sites <the lab's sites file>} on each cluster that
 * {@code scripts/local-slurm.sh} runs, through REST and through SSH, with the one-site files it
 * writes ({@code sites-22.yaml}, {@code sites-22-ssh.yaml}...). Skipped with the reason when the
 * lab or the cluster is not there, failed instead when {@code FEDFLOW_REQUIRE_SLURM=1}.
 */
@Tag("slurm-cluster")
@Timeout(300)
class SlurmSitesClusterTest {
  private static final Pattern STARTED =
      Pattern.compile("^run (\\d{8}-\\d{6}-[0-9a-f]{4}) ", Pattern.MULTILINE);

  @TempDir Path home;

  @ParameterizedTest(name = "Slurm {0} over {1}")
  @MethodSource("io.fedflow.connectors.slurm.SlurmLab#sites")
  void theDiamondRunsToSucceededThroughTheCliOnTheLabsSitesFile(String cluster, String transport)
      throws IOException {
    SlurmLab lab = SlurmLab.require(cluster, transport);
    String site = "lab" + cluster + (transport.equals("ssh") ? "-ssh" : "");

    Cli r =
        Cli.run(
            "run",
            "--plain",
            Cli.example("diamond.yaml"),
            "--sites",
            lab.sitesFile().toString(),
            "--home",
            home.toString());

    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    Matcher m = STARTED.matcher(r.out());
    assertThat(m.find()).isTrue();
    String id = m.group(1);
    assertThat(r.out()).contains("run " + id + " (diamond) succeeded after ");
    Cli status = Cli.run("status", id, "--home", home.toString());
    assertThat(status.out()).containsPattern("\njoin +succeeded +" + site + " +1 ");
    Path run = lab.onHost(lab.get("WORKDIR") + "/" + id);
    assertThat(Files.readString(run.resolve("attempts/join/1/stdout")))
        .isEqualTo("FEDERATED federated\nWORKFLOWS workflows\n");
    if (transport.equals("ssh")) {
      // Over SSH, fedflow logs fetches the stream from the cluster.
      Cli logs = Cli.run("logs", id, "join", "--home", home.toString());
      assertThat(logs.out()).isEqualTo("FEDERATED federated\nWORKFLOWS workflows\n");
    }
    SlurmLab.removeRun(cluster, id);
  }
}
