package io.fedflow.connectors.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.connectors.slurm.rest.JobRecord;
import io.fedflow.connectors.slurm.rest.NodeRecord;
import io.fedflow.engine.connector.Capacity;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.Pool;
import io.fedflow.engine.connector.SiteConfig;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SiteRoomTest {
  private static final List<NodeRecord> NODES =
      List.of(
          new NodeRecord("gpu1", List.of("MIXED"), 32, 8, List.of("boost", "all"), 4, 1),
          new NodeRecord("gpu2", List.of("IDLE", "DRAIN"), 32, 0, List.of("boost", "all"), 4, 0),
          new NodeRecord("cpu1", List.of("IDLE"), 112, 0, List.of("dcgp", "all"), 0, 0));

  private static SlurmSettings settings(Map<String, String> extra) throws ConnectorException {
    Map<String, String> s = new LinkedHashMap<>();
    s.put("url", "http://127.0.0.1:6820");
    s.put("user", "ada");
    s.put("token", "env:SLURM_JWT");
    s.put("workdir", "/scratch/ada");
    s.putAll(extra);
    return SlurmSettings.of(new SiteConfig("leo", "slurm", s), Clock.systemUTC(), n -> "x.y.z");
  }

  private static JobRecord job(String user, String state, Long array, String pending) {
    return new JobRecord(
        7,
        "r.1",
        null,
        List.of(state),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        false,
        user,
        array,
        null,
        pending);
  }

  @Test
  void eachPartitionTellsItsCpusAndGpusFreeOnUsableNodesAndInAll() throws Exception {
    Capacity room = SiteRoom.of(NODES, List.of(), settings(Map.of()));

    assertThat(room.pools())
        .containsExactly(
            new Pool("all", 24 + 112, 176, 3, 8),
            new Pool("boost", 24, 64, 3, 8),
            new Pool("dcgp", 112, 112, 0, 0));
  }

  @Test
  void theJobsTakenAreTheUsersQueueRoomEachPendingArrayTaskCountingOne() throws Exception {
    List<JobRecord> jobs =
        List.of(
            job("ada", "RUNNING", null, null),
            job("ada", "PENDING", 7L, "1-4"),
            job("bob", "PENDING", null, null),
            job("ada", "COMPLETED", null, null));

    Capacity room = SiteRoom.of(NODES, jobs, settings(Map.of("maxJobsPerUser", "10")));

    assertThat(room.freeSlots()).isEqualTo(10 - 1 - 4);
    assertThat(room.queuedJobs()).isEqualTo(4 + 1);
  }

  @Test
  void aPartitionWithoutUsableNodesTakesNothing() throws Exception {
    List<NodeRecord> drained =
        List.of(new NodeRecord("gpu2", List.of("IDLE", "DRAIN"), 32, 0, List.of("boost"), 4, 0));

    Capacity room = SiteRoom.of(drained, List.of(), settings(Map.of("partition", "boost")));

    assertThat(room.freeSlots()).isZero();
    assertThat(room.pools()).containsExactly(new Pool("boost", 0, 32, 0, 4));
  }
}
