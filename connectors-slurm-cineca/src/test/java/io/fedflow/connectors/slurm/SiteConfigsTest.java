package io.fedflow.connectors.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedflow.dag.Workflow;
import io.fedflow.engine.Engine;
import io.fedflow.engine.EngineConfig;
import io.fedflow.engine.RunRecord;
import io.fedflow.engine.run.Sites;
import io.fedflow.engine.site.SitesException;
import io.fedflow.engine.site.SitesFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in site-configs/ reads and opens offline, and the engine checks jobs against
 * Leonardo's partitions before recording a run: a job that fits is recorded, one that fits no
 * partition fails the submission with every reason.
 */
class SiteConfigsTest {
  private static final Path CONFIGS = Path.of("..", "site-configs").toAbsolutePath().normalize();
  private static final Map<String, String> ENV =
      Map.of(
          "LEONARDO_USER", "someone",
          "LEONARDO_BOOSTER_ACCOUNT", "proj_booster",
          "LEONARDO_DCGP_ACCOUNT", "proj_dcgp",
          "LEONARDO_WORKDIR", "/scratch/someone/fedflow");

  @TempDir Path home;

  static List<Path> files() throws IOException {
    try (Stream<Path> files = Files.list(CONFIGS)) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  private static SitesFile read(String name) throws IOException {
    Path file = CONFIGS.resolve(name);
    return SitesFile.parse(Files.readString(file), file.toString(), ENV::get);
  }

  @Test
  void bothLeonardoModulesAreThere() throws IOException {
    assertThat(files())
        .extracting(f -> f.getFileName().toString())
        .contains("leonardo-booster.yaml", "leonardo-dcgp.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void everySiteConfigReadsAndOpensWithoutReachingItsSite(Path file) throws IOException {
    SitesFile sites = SitesFile.parse(Files.readString(file), file.toString(), ENV::get);

    assertThat(sites.sites()).isNotEmpty();
    try (Sites open = Sites.open(sites, home)) {
      assertThat(sites.sites()).allSatisfy(s -> assertThat(s.type()).isEqualTo("slurm"));
    }
  }

  @Test
  void aGpuJobFitsTheBoosterAndASmallCpuJobItsSerialPartition() throws IOException {
    SitesFile booster = read("leonardo-booster.yaml");
    Workflow wf =
        Workflow.named("fits")
            .job("train", j -> j.command("true").cpus(8).gpus(1, "A100").memory("64GiB"))
            .job("tidy", j -> j.command("true").cpus(2).memory("8GiB").walltime("1h"))
            .job("long", j -> j.command("true").gpus(4).walltime("3d"))
            .build();
    try (Engine engine = Engine.open(EngineConfig.at(home))) {
      RunRecord run = engine.submit(wf, null, Map.of(), booster);
      assertThat(engine.sites(run.id())).contains(booster.source());
    }
    SlurmSettings s = settings(booster);
    assertThat(s.partitionChoice().choose(wf.jobs().get(0).resources()))
        .contains(new PartitionChoice.Choice("boost_usr_prod", null));
    assertThat(s.partitionChoice().choose(wf.jobs().get(1).resources()))
        .contains(new PartitionChoice.Choice("lrd_all_serial", null));
    assertThat(s.partitionChoice().choose(wf.jobs().get(2).resources()))
        .contains(new PartitionChoice.Choice("boost_usr_prod", "boost_qos_lprod"));
  }

  @Test
  void aJobThatFitsNoPartitionFailsTheSubmissionWithEveryReasonAndRecordsNothing()
      throws IOException {
    Workflow wf =
        Workflow.named("too-big")
            .job("train", j -> j.command("true").gpus(1).walltime("5d"))
            .job("mesh", j -> j.command("true").cpus(128).memory("600GB"))
            .build();
    try (Engine engine = Engine.open(EngineConfig.at(home))) {
      assertThatThrownBy(() -> engine.submit(wf, null, Map.of(), read("leonardo-booster.yaml")))
          .isInstanceOf(SitesException.class)
          .hasMessage(
              String.join(
                  "\n",
                  "job train: site leonardo-booster: needs walltime 5d but partition lrd_all_serial"
                      + " allows at most 4h",
                  "job train: site leonardo-booster: needs 1 GPU but partition lrd_all_serial has"
                      + " none",
                  "job train: site leonardo-booster: needs walltime 5d but partition"
                      + " boost_usr_prod allows at most 4d (with QoS boost_qos_lprod)",
                  "job mesh: site leonardo-booster: needs 128 cpus but partition lrd_all_serial"
                      + " allows at most 4",
                  "job mesh: site leonardo-booster: needs memory 600GB but partition"
                      + " lrd_all_serial allows at most 30.8GB",
                  "job mesh: site leonardo-booster: needs 128 cpus but partition boost_usr_prod"
                      + " allows at most 32",
                  "job mesh: site leonardo-booster: needs memory 600GB but partition"
                      + " boost_usr_prod allows at most 512GB"));
      assertThatThrownBy(
              () ->
                  engine.submit(
                      Workflow.named("gpu").job("g", j -> j.command("true").gpus(1)).build(),
                      null,
                      Map.of(),
                      read("leonardo-dcgp.yaml")))
          .hasMessage(
              "job g: site leonardo-dcgp: needs 1 GPU but partition lrd_all_serial has none\n"
                  + "job g: site leonardo-dcgp: needs 1 GPU but partition dcgp_usr_prod has none");
      assertThat(engine.runs()).isEmpty();
    }
  }

  private static SlurmSettings settings(SitesFile file) {
    try {
      return SlurmSettings.of(file.sites().get(0), java.time.Clock.systemUTC(), n -> null);
    } catch (io.fedflow.engine.connector.ConnectorException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }
}
