package io.fedflow.engine.connector.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedflow.dag.Workflow;
import io.fedflow.dag.plan.Plan;
import io.fedflow.dag.plan.PlannedJob;
import io.fedflow.engine.connector.Capacity;
import io.fedflow.engine.connector.Connector;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.ConnectorProvider;
import io.fedflow.engine.connector.Observation;
import io.fedflow.engine.connector.SiteConfig;
import io.fedflow.engine.connector.SiteJob;
import io.fedflow.engine.connector.SiteState;
import io.fedflow.engine.connector.Submission;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class MemoryConnectorTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
  private static final PlannedJob SIM =
      Plan.of(
              Workflow.named("w")
                  .job("sim", j -> j.command("x").forEachInRange(0, 19))
                  .job("other", j -> j.command("x"))
                  .build())
          .job("sim");

  private static MemoryConnector site(String... settings) throws ConnectorException {
    Map<String, String> s = new HashMap<>();
    for (String kv : settings) {
      String[] p = kv.split("=", 2);
      s.put(p[0], p[1]);
    }
    return new MemoryConnector(new SiteConfig("mem", "memory", s), Clock.fixed(T, ZoneOffset.UTC));
  }

  private static Submission attempt(int index, int attempt, String token) {
    return new Submission(token, "r", SIM.instance(index), attempt, Path.of("a"), Path.of("w"));
  }

  private static SiteState poll(Connector c, SiteJob job) throws ConnectorException {
    return c.poll(List.of(job)).get(job).state();
  }

  @Test
  void isFoundByItsSiteType() throws ConnectorException {
    ConnectorProvider p =
        ServiceLoader.load(ConnectorProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(x -> x.type().equals("memory"))
            .findFirst()
            .orElseThrow();

    try (Connector c = p.open(new SiteConfig("m", "memory", Map.of()))) {
      assertThat(c.capacity()).isEqualTo(new Capacity(1000, 0));
    }
  }

  @Test
  void reportsEveryBadSettingAtOnce() {
    assertThatThrownBy(
            () ->
                site(
                    "slots=many",
                    "colour=blue",
                    "failJobs=a,,b",
                    "pollsQueued=-1",
                    "energyJoules=1.5",
                    "billing=-2"))
        .isInstanceOf(ConnectorException.class)
        .hasMessage(
            "site mem: unknown setting 'colour' (known: billing, energyJoules, failAttempts,"
                + " failExitCode, failJobs, flakyJobs, pollsQueued, pollsRunning, rejectJobs,"
                + " siteFaultAttempts, siteFaultJobs, slots, unknownJobs, unknownPolls);"
                + " slots: expected a whole number of at least 1 but found 'many';"
                + " pollsQueued: expected a whole number of at least 0 but found '-1';"
                + " failJobs: expected instance-id patterns separated by commas but found 'a,,b';"
                + " energyJoules: expected a whole number of joules, 0 or more, but found '1.5';"
                + " billing: expected a number, 0 or more, but found '-2'")
        .extracting(e -> ((ConnectorException) e).isTransient())
        .isEqualTo(false);
  }

  @Test
  void aJobIsQueuedThenRunsThenSucceedsPollByPoll() throws ConnectorException {
    MemoryConnector c = site("pollsQueued=1", "pollsRunning=1", "slots=3");
    SiteJob job = c.submit(attempt(0, 1, "r.1"));

    assertThat(c.capacity()).isEqualTo(new Capacity(2, 1));
    assertThat(poll(c, job)).isEqualTo(SiteState.QUEUED);
    assertThat(poll(c, job)).isEqualTo(SiteState.RUNNING);
    assertThat(c.capacity()).isEqualTo(new Capacity(2, 0));
    Observation end = c.poll(List.of(job)).get(job);
    assertThat(end)
        .isEqualTo(new Observation(SiteState.SUCCEEDED, 0, T, T, false, null, null, null));
    assertThat(c.capacity()).isEqualTo(new Capacity(3, 0));
    assertThat(poll(c, job)).isEqualTo(SiteState.SUCCEEDED);
  }

  @Test
  void keepsTokensSoThatASubmissionIsNotRepeatedAndCanBeFound() throws ConnectorException {
    MemoryConnector c = site();
    SiteJob job = c.submit(attempt(3, 1, "r.7"));

    assertThat(c.submit(attempt(3, 1, "r.7"))).isEqualTo(job);
    assertThat(c.find(List.of("r.7", "r.8"))).isEqualTo(Map.of("r.7", job));
    assertThat(poll(c, new SiteJob("mem", "99", "r.8"))).isEqualTo(SiteState.UNKNOWN);
  }

  @Test
  void failsRefusesAndLosesTheJobsItsPatternsChoose() throws ConnectorException {
    MemoryConnector c =
        site(
            "failJobs=sim[0?]",
            "failExitCode=7",
            "failAttempts=1",
            "rejectJobs=sim[1*]",
            "siteFaultJobs=sim[02]");

    SiteJob failing = c.submit(attempt(3, 1, "r.1"));
    assertThat(c.poll(List.of(failing)).get(failing))
        .isEqualTo(new Observation(SiteState.FAILED, 7, T, T, false, null, null, null));
    SiteJob second = c.submit(attempt(3, 2, "r.2"));
    assertThat(poll(c, second)).isEqualTo(SiteState.SUCCEEDED);
    SiteJob fault = c.submit(attempt(2, 1, "r.3"));
    assertThat(c.poll(List.of(fault)).get(fault).siteFault()).isTrue();
    assertThatThrownBy(() -> c.submit(attempt(12, 1, "r.4")))
        .hasMessage("site mem refused job sim[12] (rejectJobs)");
  }

  @Test
  void aFlakySubmissionFailsOnceThenWorksWithTheSameToken() throws ConnectorException {
    MemoryConnector c = site("flakyJobs=*");

    assertThatThrownBy(() -> c.submit(attempt(0, 1, "r.1")))
        .isInstanceOf(ConnectorException.class)
        .hasMessage("site mem did not answer the submission of sim[00] (flakyJobs)")
        .extracting(e -> ((ConnectorException) e).isTransient())
        .isEqualTo(true);
    assertThat(c.submit(attempt(0, 1, "r.1")).token()).isEqualTo("r.1");
  }

  @Test
  void aCancelledJobFreesItsSlotAndIsSeenCancelled() throws ConnectorException {
    MemoryConnector c = site("slots=1", "pollsRunning=5", "unknownJobs=sim[00]");
    SiteJob job = c.submit(attempt(0, 1, "r.1"));
    assertThat(poll(c, job)).isEqualTo(SiteState.UNKNOWN);
    assertThat(poll(c, job)).isEqualTo(SiteState.RUNNING);

    c.cancel(List.of(job));

    assertThat(c.capacity()).isEqualTo(new Capacity(1, 0));
    assertThat(poll(c, job)).isEqualTo(SiteState.CANCELLED);
  }
}
