package io.fedflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import io.fedflow.dag.Workflow;
import io.fedflow.engine.connector.SiteConfig;
import io.fedflow.engine.store.Attempt;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs on a memory site: the executor and the store at full speed, with nothing to wait for. */
class MemoryRunsTest {
  @TempDir Path home;

  private Engine open(String... settings) {
    return open(null, settings);
  }

  private Engine open(Clock clock, String... settings) {
    Map<String, String> s = new java.util.HashMap<>();
    for (String kv : settings) {
      String[] p = kv.split("=", 2);
      s.put(p[0], p[1]);
    }
    return Engine.open(
        new EngineConfig(home, null, List.of(new SiteConfig("mem", "memory", s)), clock));
  }

  @Test
  void aFanOutOfAThousandRunsToTheEnd() {
    Workflow wf =
        Workflow.named("wide")
            .job("sim", j -> j.command("true").forEachInRange(1, 1000))
            .job("merge", j -> j.command("true").needs("sim"))
            .build();
    try (Engine engine = open("slots=100", "pollsRunning=1")) {
      RunRecord run = engine.submit(wf, null, Map.of());

      assertThat(engine.follow(run.id(), p -> {})).isEqualTo(RunState.SUCCEEDED);

      List<JobRow> jobs = engine.jobs(run.id());
      assertThat(jobs)
          .hasSize(1001)
          .allSatisfy(r -> assertThat(r.state()).isEqualTo(JobState.SUCCEEDED));
      assertThat(jobs.get(0).instanceId()).isEqualTo("sim[0001]");
      assertThat(jobs.get(1000).instanceId()).isEqualTo("merge");
      assertThat(jobs).allSatisfy(r -> assertThat(r.attempt()).isEqualTo(1));
      assertThat(jobs.stream().map(JobRow::token).distinct()).hasSize(1001);
    }
  }

  @Test
  void siteFaultsAreRetriedWithoutUsingRetriesAndRecorded() {
    Workflow wf = Workflow.named("faulty").job("a", j -> j.command("true")).build();
    try (Engine engine = open(new FastClock(), "siteFaultJobs=a", "siteFaultAttempts=2")) {
      RunRecord run = engine.submit(wf, null, Map.of());

      assertThat(engine.follow(run.id(), p -> {})).isEqualTo(RunState.SUCCEEDED);

      JobRow a = engine.jobs(run.id()).get(0);
      assertThat(a.attempt()).isEqualTo(3);
      assertThat(a.siteFaults()).isEqualTo(2);
    }
  }

  @Test
  void theEnergyAndBillingASiteToldAreOnEachAttemptAndSummedForTheRun() {
    Workflow wf =
        Workflow.named("measured")
            .job("a", j -> j.command("true").retries(1))
            .job("b", j -> j.command("true"))
            .build();
    try (Engine engine =
        open(
            new FastClock(),
            "energyJoules=1500",
            "billing=4",
            "pollsRunning=1",
            "failJobs=a",
            "failAttempts=1")) {
      RunRecord run = engine.submit(wf, null, Map.of());

      assertThat(engine.follow(run.id(), p -> {})).isEqualTo(RunState.SUCCEEDED);

      assertThat(engine.jobs(run.id()))
          .extracting(JobRow::instanceId, JobRow::energyJoules, JobRow::billing)
          .containsExactly(tuple("a", 1500L, 4.0), tuple("b", 1500L, 4.0));
      List<Attempt> attempts = engine.attempts().of(run.id(), "a");
      assertThat(attempts)
          .extracting(Attempt::outcome, Attempt::energyJoules, Attempt::billing)
          .containsExactly(
              tuple(JobState.FAILED, 1500L, 4.0), tuple(JobState.SUCCEEDED, 1500L, 4.0));
      RunUsage usage = engine.attempts().usage(run.id());
      assertThat(usage.measuredAttempts()).isEqualTo(3);
      assertThat(usage.energyJoules()).isEqualTo(4500);
      assertThat(usage.billedAttempts()).isEqualTo(3);
      // Each attempt ran from its first running poll to its end: billing × those hours, summed.
      double hours =
          engine.attempts().of(run.id(), "a").stream().mapToDouble(MemoryRunsTest::hours).sum()
              + engine.attempts().of(run.id(), "b").stream()
                  .mapToDouble(MemoryRunsTest::hours)
                  .sum();
      assertThat(hours).isPositive();
      assertThat(usage.billingHours()).isCloseTo(4 * hours, within(1e-9));
    }
  }

  @Test
  void aSiteThatMeasuresNothingLeavesEnergyAndBillingEmpty() {
    Workflow wf = Workflow.named("plain").job("a", j -> j.command("true")).build();
    try (Engine engine = open()) {
      RunRecord run = engine.submit(wf, null, Map.of());

      assertThat(engine.follow(run.id(), p -> {})).isEqualTo(RunState.SUCCEEDED);

      assertThat(engine.jobs(run.id()).get(0).energyJoules()).isNull();
      assertThat(engine.jobs(run.id()).get(0).billing()).isNull();
      assertThat(engine.attempts().usage(run.id())).isEqualTo(RunUsage.NONE);
      assertThat(engine.attempts().usage(run.id()).isEmpty()).isTrue();
    }
  }

  private static double hours(Attempt a) {
    return java.time.Duration.between(a.startedAt(), a.endedAt()).toNanos() / 3_600e9;
  }

  /** Time that runs a minute per reading, so that backoffs pass without waiting. */
  private static final class FastClock extends Clock {
    private final AtomicLong millis =
        new AtomicLong(Instant.parse("2026-01-01T00:00:00Z").toEpochMilli());

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.addAndGet(60_000));
    }
  }
}
