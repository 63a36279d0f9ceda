package io.fedflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.dag.Workflow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs on the embedded default, the local site: real processes, a real H2 database. */
class LocalRunsTest {
  @TempDir Path home;
  Engine engine;
  final List<RunProgress> seen = new CopyOnWriteArrayList<>();

  @BeforeEach
  void open() {
    engine = Engine.open(EngineConfig.at(home));
  }

  @AfterEach
  void close() {
    engine.close();
  }

  private RunState runToEnd(Workflow wf, Path file, Map<String, String> params) {
    RunRecord run = engine.submit(wf, file == null ? null : file.toString(), params);
    return engine.follow(run.id(), seen::add);
  }

  private RunRecord last() {
    return engine.runs().get(0);
  }

  private Map<String, JobState> states(String runId) {
    return engine.jobs(runId).stream()
        .collect(
            Collectors.toMap(
                JobRow::instanceId, JobRow::state, (a, b) -> a, java.util.LinkedHashMap::new));
  }

  private String stdout(String runId, String instance) throws Exception {
    JobRow row =
        engine.jobs(runId).stream().filter(r -> r.instanceId().equals(instance)).findFirst().get();
    return Files.readString(engine.attempts().logFile(runId, instance, row.attempt(), "stdout"));
  }

  @Test
  void theDiamondRunsToSuccessInItsRunFolder() throws Exception {
    RunState end = runToEnd(Examples.read("diamond.yaml"), Examples.file("diamond.yaml"), Map.of());

    RunRecord run = last();
    assertThat(end).isEqualTo(RunState.SUCCEEDED);
    assertThat(run.state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(run.endedAt()).isNotNull();
    assertThat(states(run.id()))
        .containsExactly(
            Map.entry("split", JobState.SUCCEEDED),
            Map.entry("upper", JobState.SUCCEEDED),
            Map.entry("lower", JobState.SUCCEEDED),
            Map.entry("join", JobState.SUCCEEDED));
    assertThat(stdout(run.id(), "join")).isEqualTo("FEDERATED federated\nWORKFLOWS workflows\n");
    assertThat(Path.of(run.runDir())).isEqualTo(home.resolve("runs").resolve(run.id()));
    assertThat(run.id()).matches("\\d{8}-\\d{6}-[0-9a-f]{4}");
    RunProgress lastSeen = seen.get(seen.size() - 1);
    assertThat(lastSeen.state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(lastSeen.done()).isEqualTo(4);
    assertThat(engine.follow(run.id(), seen::add)).isEqualTo(RunState.SUCCEEDED); // at once
  }

  @Test
  void theMlPipelineRunsToSuccess() throws Exception {
    RunState end =
        runToEnd(Examples.read("ml-pipeline.yaml"), Examples.file("ml-pipeline.yaml"), Map.of());

    String id = last().id();
    assertThat(end).as("%s", states(id)).isEqualTo(RunState.SUCCEEDED);
    assertThat(states(id))
        .hasSize(14)
        .allSatisfy((k, v) -> assertThat(v).isEqualTo(JobState.SUCCEEDED));
    assertThat(stdout(id, "evaluate")).startsWith("test accuracy ");
    assertThat(Files.readString(Path.of(last().runDir(), "work", "work", "summary.txt")))
        .contains("sweep scores: 9 of 9");
  }

  @Test
  void aFlakyJobIsRetriedAfterItsBackoffThenSucceeds() throws Exception {
    RunState end = runToEnd(Examples.read("retries.yaml"), Examples.file("retries.yaml"), Map.of());

    String id = last().id();
    assertThat(end).isEqualTo(RunState.SUCCEEDED);
    JobRow flaky = engine.jobs(id).get(0);
    assertThat(flaky.instanceId()).isEqualTo("flaky");
    assertThat(flaky.attempt()).isEqualTo(2);
    assertThat(Files.readString(engine.attempts().logFile(id, "flaky", 1, "stderr")))
        .isEqualTo("first attempt: failing on purpose\n");
    assertThat(stdout(id, "report")).isEqualTo("second attempt: fine\n");
  }

  @Test
  void aFailureWithoutRetriesSkipsWhatNeedsItAndStillRunsTheFinalJob() throws Exception {
    Workflow wf =
        Workflow.named("failing")
            .job("bad", j -> j.command("sh", "-c", "echo broken >&2; exit 3"))
            .job("after", j -> j.command("true").needs("bad"))
            .job("apart", j -> j.command("true"))
            .finalJob("cleanup", j -> j.command("sh", "-c", "echo cleaned"))
            .build();

    RunState end = runToEnd(wf, null, Map.of());

    String id = last().id();
    assertThat(end).isEqualTo(RunState.FAILED);
    assertThat(states(id))
        .containsExactly(
            Map.entry("bad", JobState.FAILED),
            Map.entry("after", JobState.SKIPPED),
            Map.entry("apart", JobState.SUCCEEDED),
            Map.entry("cleanup", JobState.SUCCEEDED));
    assertThat(engine.jobs(id).get(0).exitCode()).isEqualTo(3);
    assertThat(stdout(id, "cleanup")).isEqualTo("cleaned\n");
  }

  @Test
  void aRunCancelledFromAnotherThreadEndsCancelledWithItsProcessesGone() throws Exception {
    Workflow wf =
        Workflow.named("sleepy")
            .job("nap", j -> j.command("sleep", "60").forEachInRange(1, 6))
            .finalJob("bye", j -> j.command("true"))
            .build();
    RunRecord run = engine.submit(wf, null, Map.of());
    CompletableFuture<RunState> end =
        CompletableFuture.supplyAsync(() -> engine.follow(run.id(), seen::add));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (running(run.id()) < 2 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    List<Long> pids = pids(run.id());
    assertThat(pids).hasSize(2);

    engine.cancel(run.id());

    assertThat(end.get(30, TimeUnit.SECONDS)).isEqualTo(RunState.CANCELLED);
    assertThat(states(run.id()).values()).containsOnly(JobState.CANCELLED, JobState.SUCCEEDED);
    assertThat(states(run.id())).containsEntry("bye", JobState.SUCCEEDED);
    for (long pid : pids) {
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
          .as("job %d", pid)
          .isFalse();
    }
    assertThat(last().state()).isEqualTo(RunState.CANCELLED);
  }

  private long running(String runId) {
    return engine.jobs(runId).stream().filter(r -> r.state() == JobState.RUNNING).count();
  }

  /**
   * The jobs' pids, from the attempt folders' pid files. A job may be reported RUNNING before its
   * claim is written (the sh launcher writes it itself): wait for it.
   */
  private List<Long> pids(String runId) throws Exception {
    List<Long> out = new ArrayList<>();
    for (JobRow r : engine.jobs(runId)) {
      if (r.state() == JobState.RUNNING) {
        Path pid =
            engine
                .attempts()
                .logFile(runId, r.instanceId(), r.attempt(), "stdout")
                .resolveSibling("pid");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(pid) && System.nanoTime() < deadline) {
          Thread.sleep(10);
        }
        out.add(Long.parseLong(Files.readString(pid).split(" ")[0]));
      }
    }
    return out;
  }

  @Test
  void progressIsToldAFewTimesASecondAtMost() throws Exception {
    Workflow wf =
        Workflow.named("steady")
            .job("tick", j -> j.command("sleep", "0.1").forEachInRange(1, 10))
            .build();
    long start = System.nanoTime();

    runToEnd(wf, null, Map.of());

    double seconds = Duration.ofNanos(System.nanoTime() - start).toMillis() / 1000.0;
    assertThat(seen.size()).isBetween(2, (int) (seconds * 5) + 2);
    assertThat(seen.get(seen.size() - 1).counts()).containsEntry(JobState.SUCCEEDED, 10L);
  }
}
