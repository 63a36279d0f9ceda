package io.fedflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedflow.dag.Workflow;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several engines on one home: one follows a run, the others look, cancel, or follow others. */
class SharedHomeTest {
  @TempDir Path home;

  private static Workflow sleepy(int jobs, String seconds) {
    return Workflow.named("sleepy")
        .job("nap", j -> j.command("sleep", seconds).forEachInRange(1, jobs))
        .build();
  }

  private String submit(Workflow wf) {
    try (Engine engine = Engine.open(EngineConfig.at(home))) {
      return engine.submit(wf, null, Map.of()).id();
    }
  }

  @Test
  void aSecondEngineInTheSameProcessCannotFollowTheRunButCanCancelIt() throws Exception {
    try (Engine first = Engine.open(EngineConfig.at(home));
        Engine second = Engine.open(EngineConfig.at(home))) {
      String id = first.submit(sleepy(2, "60"), null, Map.of()).id();
      CompletableFuture<RunState> end =
          CompletableFuture.supplyAsync(() -> first.follow(id, p -> {}));
      awaitRunning(second, id);

      assertThatThrownBy(() -> second.follow(id, p -> {}))
          .isInstanceOf(EngineException.class)
          .hasMessage(
              "run "
                  + id
                  + " is already being followed by this fedflow process (pid "
                  + ProcessHandle.current().pid()
                  + ")");
      assertThat(second.orphanedRuns()).isEmpty();

      second.cancel(id);

      assertThat(end.get(30, TimeUnit.SECONDS)).isEqualTo(RunState.CANCELLED);
    }
  }

  @Test
  void anotherProcessFollowingTheRunHoldsItAndACancelFromHereReachesIt() throws Exception {
    String id = submit(sleepy(2, "60"));
    try (ChildEngine child = ChildEngine.start(home, id, 0, 0);
        Engine engine = openOnceServed(child)) {
      awaitRunning(engine, id);

      assertThatThrownBy(() -> engine.follow(id, p -> {}))
          .isInstanceOf(EngineException.class)
          .hasMessageMatching(
              "run " + id + " is being followed by another fedflow process \\(pid \\d+\\)");
      assertThat(engine.orphanedRuns()).isEmpty();

      engine.cancel(id);

      assertThat(child.await("ended", 60)).isEqualTo("ended CANCELLED");
    }
  }

  @Test
  void aRunFollowedThroughAnotherProcessGoesOnWhenThatProcessDies() throws Exception {
    String theirs = submit(sleepy(1, "60"));
    try (ChildEngine child = ChildEngine.start(home, theirs, 0, 0);
        Engine engine = openOnceServed(child)) {
      String ours = engine.submit(sleepy(12, "0.2"), null, Map.of()).id();
      CompletableFuture<RunState> end =
          CompletableFuture.supplyAsync(() -> engine.follow(ours, p -> {}));
      awaitRunning(engine, ours);

      child.kill(); // the process that served the database

      assertThat(end.get(60, TimeUnit.SECONDS)).isEqualTo(RunState.SUCCEEDED);
      assertThat(engine.jobs(ours)).allSatisfy(r -> assertThat(r.attempt()).isEqualTo(1));
      assertThat(engine.orphanedRuns()).extracting(RunRecord::id).containsExactly(theirs);
      engine.cancel(theirs); // its job outlived the child: resumed here, it is stopped
      assertThat(engine.follow(theirs, p -> {})).isEqualTo(RunState.CANCELLED);
    }
  }

  /** Opens an engine once the child has the database open: this one then goes through it. */
  private Engine openOnceServed(ChildEngine child) throws InterruptedException {
    assertThat(child.await("following", 60)).isNotNull();
    return Engine.open(EngineConfig.at(home));
  }

  private static void awaitRunning(Engine engine, String id) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (engine.jobs(id).stream().noneMatch(r -> r.state() == JobState.RUNNING)) {
      assertThat(System.nanoTime()).as("a job of %s running", id).isLessThan(deadline);
      Thread.sleep(20);
    }
  }
}
