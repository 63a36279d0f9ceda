package io.fedflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.dag.Workflow;
import io.fedflow.engine.connector.SiteConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine hands a site the attempts ready for it at once in one batch. */
class BatchSubmitTest {
  @TempDir Path home;

  private Engine open(String site, String... settings) {
    Map<String, String> s = new java.util.HashMap<>();
    for (String kv : settings) {
      String[] p = kv.split("=", 2);
      s.put(p[0], p[1]);
    }
    return Engine.open(
        new EngineConfig(home, null, List.of(new SiteConfig(site, "batching-memory", s)), null));
  }

  @Test
  void aFanOutReadyAtOnceIsOneBatch() {
    Workflow wf =
        Workflow.named("wide")
            .job("sim", j -> j.command("true").forEachInRange(1, 50))
            .job("merge", j -> j.command("true").needs("sim"))
            .build();
    try (Engine engine = open("batch-wide", "slots=100", "pollsRunning=1")) {
      RunRecord run = engine.submit(wf, null, Map.of());

      assertThat(engine.follow(run.id(), p -> {})).isEqualTo(RunState.SUCCEEDED);

      assertThat(BatchingConnectorProvider.BATCHES.get("batch-wide")).containsExactly(50, 1);
      assertThat(engine.jobs(run.id()))
          .hasSize(51)
          .allSatisfy(r -> assertThat(r.state()).isEqualTo(JobState.SUCCEEDED));
    }
  }

  @Test
  void aBatchIsCutAtTheSitesFreeSlots() {
    Workflow wf =
        Workflow.named("wide").job("sim", j -> j.command("true").forEachInRange(1, 25)).build();
    try (Engine engine = open("batch-slots", "slots=10", "pollsRunning=1")) {
      RunRecord run = engine.submit(wf, null, Map.of());

      assertThat(engine.follow(run.id(), p -> {})).isEqualTo(RunState.SUCCEEDED);

      List<Integer> batches = BatchingConnectorProvider.BATCHES.get("batch-slots");
      assertThat(batches).allSatisfy(n -> assertThat(n).isBetween(1, 10));
      assertThat(batches.get(0)).isEqualTo(10);
      assertThat(batches.stream().mapToInt(Integer::intValue).sum()).isEqualTo(25);
    }
  }

  @Test
  void aRefusalInABatchFailsOnlyItsInstance() {
    Workflow wf =
        Workflow.named("wide").job("sim", j -> j.command("true").forEachInRange(1, 5)).build();
    try (Engine engine = open("batch-refuse", "slots=10", "pollsRunning=1", "refuse=sim[3]")) {
      RunRecord run = engine.submit(wf, null, Map.of());

      assertThat(engine.follow(run.id(), p -> {})).isEqualTo(RunState.FAILED);

      List<JobRow> jobs = engine.jobs(run.id());
      assertThat(jobs)
          .extracting(JobRow::instanceId, JobRow::state)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("sim[1]", JobState.SUCCEEDED),
              org.assertj.core.groups.Tuple.tuple("sim[2]", JobState.SUCCEEDED),
              org.assertj.core.groups.Tuple.tuple("sim[3]", JobState.FAILED),
              org.assertj.core.groups.Tuple.tuple("sim[4]", JobState.SUCCEEDED),
              org.assertj.core.groups.Tuple.tuple("sim[5]", JobState.SUCCEEDED));
    }
  }
}
