package io.fedflow.connectors.slurm;

import io.fedflow.dag.Workflow;
import io.fedflow.engine.Engine;
import io.fedflow.engine.EngineConfig;
import io.fedflow.engine.JobRow;
import io.fedflow.engine.RunState;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** An engine whose one site ({@code lab22} or {@code lab24}) is a cluster of the lab. */
final class LabEngine implements AutoCloseable {
  private final Engine engine;

  private LabEngine(Engine engine) {
    this.engine = engine;
  }

  static LabEngine open(SlurmLab lab, Path home) {
    return new LabEngine(
        Engine.open(
            new EngineConfig(
                home, null, List.of(lab.site("lab" + lab.cluster(), Map.of())), null)));
  }

  Engine engine() {
    return engine;
  }

  String submit(Workflow workflow) {
    return engine.submit(workflow, null, Map.of()).id();
  }

  /** Follows the run on a thread of its own. */
  CompletableFuture<RunState> follow(String runId) {
    return CompletableFuture.supplyAsync(() -> engine.follow(runId, p -> {}));
  }

  /** Submits the workflow and follows its run to the end (3 minutes at most); the run's id. */
  String run(Workflow workflow) throws Exception {
    String runId = submit(workflow);
    follow(runId).get(3, TimeUnit.MINUTES);
    return runId;
  }

  /** Waits until the run's jobs satisfy {@code condition}; fails after {@code seconds}. */
  void await(String runId, Predicate<List<JobRow>> condition, int seconds)
      throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.test(engine.jobs(runId))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "run " + runId + " after " + seconds + " s: " + engine.jobs(runId));
      }
      Thread.sleep(100);
    }
  }

  @Override
  public void close() {
    engine.close();
  }
}
