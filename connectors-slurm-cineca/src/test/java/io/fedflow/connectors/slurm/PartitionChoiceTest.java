package io.fedflow.connectors.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.dag.Durations;
import io.fedflow.dag.Resources;
import io.fedflow.dag.Size;
import io.fedflow.engine.connector.SiteConfig;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which partition and QoS a job goes to, and why none fits, on a site shaped like Leonardo. */
class PartitionChoiceTest {

  private static SlurmSettings site(String... extra) throws Exception {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("transport", "ssh");
    s.put("host", "login.example");
    s.put("user", "someone");
    s.put("workdir", "/scratch/someone");
    s.put("partitions.booster.cpusPerNode", "32");
    s.put("partitions.booster.memoryPerNode", "481GB");
    s.put("partitions.booster.gpusPerNode", "4");
    s.put("partitions.booster.gpuModel", "A100");
    s.put("partitions.booster.maxWalltime", "24h");
    s.put("partitions.serial.maxCpus", "4");
    s.put("partitions.serial.maxMemory", "30.8GB");
    s.put("partitions.serial.gpusPerNode", "0");
    s.put("partitions.serial.maxWalltime", "4h");
    s.put("qos.dbg.partitions", "booster");
    s.put("qos.dbg.maxWalltime", "30m");
    s.put("qos.bprod.partitions", "booster");
    s.put("qos.bprod.minNodes", "65");
    s.put("qos.bprod.maxWalltime", "24h");
    s.put("qos.lprod.partitions", "booster");
    s.put("qos.lprod.maxWalltime", "4d");
    for (int i = 0; i < extra.length; i += 2) {
      s.put(extra[i], extra[i + 1]);
    }
    return SlurmSettings.of(new SiteConfig("leo", "slurm", s), Clock.systemUTC(), n -> null);
  }

  private static Resources job(Integer cpus, Integer gpus, String model, String mem, String wall) {
    return new Resources(
        cpus,
        gpus,
        model,
        mem == null ? null : Size.parse(mem),
        null,
        wall == null ? null : Durations.parse(wall));
  }

  @Test
  void aJobGoesToTheFirstPartitionThatFitsWithoutAQosWhenItCan() throws Exception {
    PartitionChoice c = site().partitionChoice();

    assertThat(c.choose(job(8, 1, "a100", "64GiB", "2h")))
        .contains(new PartitionChoice.Choice("booster", null));
    assertThat(c.choose(job(null, null, null, null, null)))
        .contains(new PartitionChoice.Choice("booster", null));
  }

  @Test
  void aLongJobGetsTheFirstQosThatAllowsItsWalltimeAndNeverOneForBigJobs() throws Exception {
    assertThat(site().partitionChoice().choose(job(1, 1, null, null, "3d")))
        .contains(new PartitionChoice.Choice("booster", "lprod"));
  }

  @Test
  void aSiteThatFixesItsPartitionIsHeldToIt() throws Exception {
    PartitionChoice c = site("partition", "serial").partitionChoice();

    assertThat(c.choose(job(2, null, null, "8GiB", "1h")))
        .contains(new PartitionChoice.Choice("serial", null));
    assertThat(c.misfits(job(8, null, null, null, "1h")))
        .containsExactly("needs 8 cpus but partition serial allows at most 4");
  }

  @Test
  void aJobThatFitsNoPartitionIsToldWhyForEachPartition() throws Exception {
    PartitionChoice c = site().partitionChoice();
    Resources r = job(64, 8, "h100", "600GB", "5d");

    assertThat(c.choose(r)).isEqualTo(Optional.empty());
    assertThat(c.misfits(r))
        .containsExactly(
            "needs walltime 5d but partition booster allows at most 4d (with QoS lprod)",
            "needs 64 cpus but partition booster allows at most 32",
            "needs memory 600GB but partition booster allows at most 481GB",
            "needs 8 GPUs but partition booster has 4 per node",
            "needs GPU model h100 but partition booster has A100",
            "needs walltime 5d but partition serial allows at most 4h",
            "needs 64 cpus but partition serial allows at most 4",
            "needs memory 600GB but partition serial allows at most 30.8GB",
            "needs 8 GPUs but partition serial has none");
  }

  @Test
  void aSiteWithoutPartitionsSendsEveryJobToItsPartitionUnchecked() throws Exception {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("url", "http://127.0.0.1:6820");
    s.put("user", "u");
    s.put("token", "env:T");
    s.put("workdir", "/w");
    s.put("partition", "debug");
    PartitionChoice c =
        SlurmSettings.of(new SiteConfig("lab", "slurm", s), Clock.systemUTC(), n -> null)
            .partitionChoice();

    assertThat(c.choose(job(1000, 64, null, "9TiB", "300d")))
        .contains(new PartitionChoice.Choice("debug", null));
  }
}
