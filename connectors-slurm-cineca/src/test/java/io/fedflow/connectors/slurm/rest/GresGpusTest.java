package io.fedflow.connectors.slurm.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GresGpusTest {
  @Test
  void countsTheGpuEntriesOfANodesGresWhateverTheirTypeAndSockets() {
    assertThat(GresGpus.count("gpu:a100:4(S:0-1)")).isEqualTo(4);
    assertThat(GresGpus.count("gpu:4,shard:8")).isEqualTo(4);
    assertThat(GresGpus.count("gpu:a100:2(IDX:0-1,3),gpu:v100:1(IDX:0)")).isEqualTo(3);
  }

  @Test
  void aNodeWithoutGpusHasNone() {
    assertThat(GresGpus.count("")).isZero();
    assertThat(GresGpus.count(null)).isZero();
    assertThat(GresGpus.count("(null)")).isZero();
    assertThat(GresGpus.count("shard:8,mps:100")).isZero();
  }
}
