package io.fedflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.dag.Workflow;
import io.fedflow.engine.connector.SiteConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run from submission to its end across engines: recorded, cancelled, resumed, orphaned. */
class RunLifeTest {
  @TempDir Path home;

  private Engine memoryEngine() {
    return Engine.open(
        new EngineConfig(
            home,
            null,
            List.of(new SiteConfig("mem", "memory", Map.of("pollsRunning", "2"))),
            null));
  }

  private static Workflow fanOut() {
    return Workflow.named("fan")
        .job("sim", j -> j.command("true").forEachInRange(1, 20))
        .job("merge", j -> j.command("true").needs("sim"))
        .finalJob("end", j -> j.command("true"))
        .build();
  }

  @Test
  void aSubmittedRunIsRecordedWaitingWithItsWorkflowAndFolder() throws Exception {
    try (Engine engine = memoryEngine()) {
      RunRecord run = engine.submit(fanOut(), "some/fan.yaml", Map.of());

      assertThat(engine.run(run.id())).contains(run);
      assertThat(run.state()).isEqualTo(RunState.RUNNING);
      assertThat(run.workflowFile())
          .isEqualTo(Path.of("some/fan.yaml").toAbsolutePath().toString());
      assertThat(run.workflowYaml()).contains("name: fan");
      assertThat(Path.of(run.runDir(), "work")).isDirectory();
      assertThat(engine.jobs(run.id()))
          .hasSize(22)
          .allSatisfy(r -> assertThat(r.state()).isEqualTo(JobState.WAITING));
      assertThat(engine.orphanedRuns()).containsExactly(run);
      assertThat(engine.attempts().logFile(run.id(), "sim[01]", 2, "stderr"))
          .isEqualTo(Path.of(run.runDir(), "attempts", "sim[01]", "2", "stderr"));
    }
  }

  @Test
  void aRunCancelledWhileNoOneFollowsItIsCancelledByTheNextFollow() {
    try (Engine engine = memoryEngine()) {
      RunRecord run = engine.submit(fanOut(), null, Map.of());

      engine.cancel(run.id());
      RunState end = engine.follow(run.id(), p -> {});

      assertThat(end).isEqualTo(RunState.CANCELLED);
      Map<String, JobState> states = new java.util.HashMap<>();
      engine.jobs(run.id()).forEach(r -> states.put(r.instanceId(), r.state()));
      assertThat(states)
          .containsEntry("end", JobState.SUCCEEDED)
          .containsEntry("merge", JobState.CANCELLED);
      assertThat(states.values()).containsOnly(JobState.CANCELLED, JobState.SUCCEEDED);
      engine.cancel(run.id()); // ended: nothing changes
      assertThat(engine.run(run.id()).orElseThrow().state()).isEqualTo(RunState.CANCELLED);
    }
  }

  @Test
  void orphanedRunsAreResumedOnBackgroundThreads() throws Exception {
    try (Engine engine = memoryEngine()) {
      String a = engine.submit(fanOut(), null, Map.of()).id();
      String b = engine.submit(fanOut(), null, Map.of()).id();
      assertThat(engine.orphanedRuns()).extracting(RunRecord::id).containsExactlyInAnyOrder(a, b);

      Map<String, CompletableFuture<RunState>> ends = engine.resumeOrphans(p -> {});

      assertThat(ends).containsOnlyKeys(a, b);
      assertThat(ends.get(a).get(30, TimeUnit.SECONDS)).isEqualTo(RunState.SUCCEEDED);
      assertThat(ends.get(b).get(30, TimeUnit.SECONDS)).isEqualTo(RunState.SUCCEEDED);
      assertThat(engine.orphanedRuns()).isEmpty();
    }
  }

  @Test
  void closingTheEngineStopsFollowingBetweenRoundsAndAnotherFollowFinishes() throws Exception {
    Workflow slow =
        Workflow.named("slow")
            .job("nap", j -> j.command("sleep", "0.3").forEachInRange(1, 8))
            .build();
    String id;
    CompletableFuture<RunState> first;
    try (Engine engine = Engine.open(EngineConfig.at(home))) {
      id = engine.submit(slow, null, Map.of()).id();
      first = CompletableFuture.supplyAsync(() -> engine.follow(id, p -> {}));
      while (engine.jobs(id).stream().noneMatch(r -> r.state() == JobState.SUCCEEDED)) {
        Thread.sleep(20);
      }
    }
    assertThat(first.get(30, TimeUnit.SECONDS)).isEqualTo(RunState.RUNNING);
    try (Engine engine = Engine.open(EngineConfig.at(home))) {
      assertThat(engine.orphanedRuns()).extracting(RunRecord::id).containsExactly(id);
      assertThat(engine.follow(id, p -> {})).isEqualTo(RunState.SUCCEEDED);
      assertThat(engine.jobs(id)).allSatisfy(r -> assertThat(r.attempt()).isEqualTo(1));
      assertThat(Files.list(Path.of(engine.run(id).orElseThrow().runDir(), "attempts"))).hasSize(8);
    }
  }
}
