package io.fedflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.dag.Workflow;
import io.fedflow.dag.plan.Plan;
import io.fedflow.engine.store.Attempt;
import io.fedflow.engine.store.Database;
import io.fedflow.engine.store.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash suite: an engine process is killed with SIGKILL at many points of a 200-job run (at
 * start, while submitting, between completions, just before the end) and a new one resumes the run
 * each time, until it ends. Every job appends its id to a ledger file: each must be there exactly
 * once, and each job must have run as a single attempt. The jobs run on the local site, whose
 * processes outlive the engine: those running at a kill end by themselves and are adopted.
 */
class CrashSuiteTest {
  @TempDir Path home;
  Path ledger;

  /** Where a child is killed: at a line it prints, or once the ledger has so many lines. */
  private record KillPoint(
      String what, int pauseBefore, int pauseAfter, int ledgerLines, long delayMillis) {
    static KillPoint atStart() {
      return new KillPoint("at start", 0, 0, -1, 0);
    }

    static KillPoint after(long millis) {
      return new KillPoint(millis + " ms after start", 0, 0, -1, millis);
    }

    static KillPoint beforeSubmitting(int n) {
      return new KillPoint("before calling the site for submission " + n, n, 0, -1, 0);
    }

    static KillPoint afterSubmitting(int n) {
      return new KillPoint("after the site took submission " + n, 0, n, -1, 0);
    }

    static KillPoint ledger(int lines) {
      return new KillPoint("once " + lines + " jobs ran", 0, 0, lines, 0);
    }
  }

  /** 200 instances: fan-out, fan-ins, an item-wise chain, a side branch and a final job. */
  static Workflow twoHundred() {
    String append = "echo {{job.id}} >> {{params.ledger}}; sleep 0.0";
    return Workflow.named("ledger")
        .param("ledger", "ledger.txt")
        .job("start", j -> j.command("sh", "-c", append + "1"))
        .job("fan", j -> j.command("sh", "-c", append + "2").forEachInRange(1, 150).needs("start"))
        .job("side", j -> j.command("sh", "-c", append + "3").forEachInRange(1, 6).needs("start"))
        .job("gather", j -> j.command("sh", "-c", append + "1").needs("fan"))
        .job(
            "chain", j -> j.command("sh", "-c", append + "1").forEachInRange(1, 20).needs("gather"))
        .job("link", j -> j.command("sh", "-c", append + "1").needsEach("chain"))
        .job("merge", j -> j.command("sh", "-c", append + "1").needs("link", "side"))
        .finalJob("end", j -> j.command("sh", "-c", append + "1"))
        .build();
  }

  @Test
  void killedAtTwentyFivePointsTheRunStillRunsEveryJobExactlyOnce() throws Exception {
    ledger = home.resolve("ledger.txt");
    Files.createFile(ledger);
    Workflow wf = twoHundred();
    Map<String, String> params = Map.of("ledger", ledger.toString());
    String runId;
    try (Engine engine = Engine.open(EngineConfig.at(home))) {
      runId = engine.submit(wf, null, params).id();
    } // closed: each child owns the database in turn, as after a real restart

    List<KillPoint> plan =
        List.of(
            KillPoint.atStart(),
            KillPoint.beforeSubmitting(1),
            KillPoint.afterSubmitting(1),
            KillPoint.ledger(3),
            KillPoint.beforeSubmitting(3),
            KillPoint.after(150),
            KillPoint.ledger(20),
            KillPoint.afterSubmitting(2),
            KillPoint.ledger(35),
            KillPoint.after(400),
            KillPoint.ledger(50),
            KillPoint.beforeSubmitting(2),
            KillPoint.ledger(70),
            KillPoint.after(50),
            KillPoint.ledger(90),
            KillPoint.afterSubmitting(4),
            KillPoint.ledger(110),
            KillPoint.ledger(125),
            KillPoint.beforeSubmitting(1),
            KillPoint.ledger(145),
            KillPoint.ledger(158),
            KillPoint.afterSubmitting(1),
            KillPoint.ledger(180),
            KillPoint.ledger(195),
            KillPoint.ledger(199));
    List<String> killed = new ArrayList<>();
    long start = System.nanoTime();
    for (KillPoint k : plan) {
      try (ChildEngine child = ChildEngine.start(home, runId, k.pauseBefore(), k.pauseAfter())) {
        assertThat(child.await("following", 60)).isNotNull();
        boolean reached = reach(child, k);
        if (!child.isAlive() || !reached) {
          break; // the run ended before this point
        }
        child.kill();
        killed.add(k.what() + " (ledger " + lines().size() + ")");
      }
    }
    String ending;
    try (ChildEngine last = ChildEngine.start(home, runId, 0, 0)) {
      try {
        ending = last.await("ended", 120);
      } catch (AssertionError e) {
        Files.write(Path.of("/tmp/executor-last-child.log"), last.printed());
        throw e;
      }
    }
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
    System.out.printf(
        "crash suite: %d kills in %ds:%n  %s%n",
        killed.size(), seconds, String.join("\n  ", killed));

    assertThat(killed).hasSizeGreaterThanOrEqualTo(20);
    assertThat(ending).isEqualTo("ended SUCCEEDED");
    List<String> expected =
        Plan.of(wf, params).instances().map(i -> i.id()).sorted().collect(Collectors.toList());
    assertThat(expected).hasSize(200);
    assertThat(lines().stream().sorted().collect(Collectors.toList()))
        .as("every job ran exactly once")
        .isEqualTo(expected);
    try (Database db = Database.open(home.resolve("fedflow"))) {
      RunStore store = new RunStore(db, Clock.systemUTC());
      assertThat(store.run(runId).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
      List<JobRow> jobs = store.jobs(runId);
      assertThat(jobs)
          .hasSize(200)
          .allSatisfy(
              r -> {
                assertThat(r.state()).isEqualTo(JobState.SUCCEEDED);
                assertThat(r.attempt()).as(r.instanceId()).isEqualTo(1);
              });
      for (JobRow r : jobs) {
        List<Attempt> attempts = store.attempts(runId, r.instanceId());
        assertThat(attempts).as(r.instanceId()).hasSize(1);
        assertThat(attempts.get(0).token()).isEqualTo(r.token());
        assertThat(attempts.get(0).outcome()).isEqualTo(JobState.SUCCEEDED);
      }
    }
  }

  @Test
  void aKillWhileAJobIsBeingSubmittedNeitherLosesNorRepeatsIt() throws Exception {
    ledger = home.resolve("ledger.txt");
    Files.createFile(ledger);
    Workflow wf =
        Workflow.named("pair")
            .param("ledger", "ledger.txt")
            .job("a", j -> j.command("sh", "-c", "echo {{job.id}} >> {{params.ledger}}"))
            .job("b", j -> j.command("sh", "-c", "echo {{job.id}} >> {{params.ledger}}").needs("a"))
            .build();
    String runId;
    try (Engine engine = Engine.open(EngineConfig.at(home))) {
      runId = engine.submit(wf, null, Map.of("ledger", ledger.toString())).id();
    }
    // a: the token is recorded, the site never called; b: the site has it, the engine does not know
    for (int[] pause : new int[][] {{1, 0}, {0, 2}}) {
      try (ChildEngine child = ChildEngine.start(home, runId, pause[0], pause[1])) {
        assertThat(child.await("paused", 60)).isNotNull();
        child.kill();
      }
    }
    try (ChildEngine last = ChildEngine.start(home, runId, 0, 0)) {
      assertThat(last.await("ended", 60)).isEqualTo("ended SUCCEEDED");
    }

    assertThat(lines()).containsExactly("a", "b");
    try (Engine engine = Engine.open(EngineConfig.at(home))) {
      assertThat(engine.jobs(runId))
          .allSatisfy(r -> assertThat(r.attempt()).isEqualTo(1))
          .extracting(JobRow::token)
          .containsExactly(runId + ".1", runId + ".2");
    }
  }

  /** Waits for the kill point; false when the child ended the run first. */
  private boolean reach(ChildEngine child, KillPoint k) throws Exception {
    if (k.pauseBefore() > 0 || k.pauseAfter() > 0) {
      return child.await("paused", 60) != null;
    }
    if (k.ledgerLines() >= 0) {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (lines().size() < k.ledgerLines()) {
        if (!child.isAlive() || System.nanoTime() > deadline) {
          return false;
        }
        Thread.sleep(2);
      }
      return true;
    }
    Thread.sleep(k.delayMillis());
    return true;
  }

  private List<String> lines() throws IOException {
    return Files.readAllLines(ledger);
  }
}
