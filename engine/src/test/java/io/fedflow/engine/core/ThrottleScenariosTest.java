package io.fedflow.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.dag.RetryPolicy;
import io.fedflow.dag.Workflow;
import io.fedflow.engine.RunState;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Scenarios 009-010: throttles are never exceeded, and are used to the full; priorities. */
class ThrottleScenariosTest {
  private static final RetryPolicy NO_WAIT = new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO);

  @Test
  void maxInFlightAndCategoryLimitsHoldAtEveryStep() {
    Workflow wf =
        Workflow.named("throttle")
            .maxInFlight(7)
            .categoryLimit("io", 3)
            .job("fetch", j -> j.command("x").category("io").forEachInRange(1, 50))
            .job("crunch", j -> j.command("x").forEachInRange(1, 150))
            .job("more", j -> j.command("x").category("io").forEachInRange(1, 20))
            .build();
    Driver run = new Driver(wf, "pollsRunning=2");
    AtomicInteger most = new AtomicInteger();
    AtomicInteger mostIo = new AtomicInteger();
    run.checks.add(
        d -> {
          int io = d.model.inFlightByCategory().getOrDefault("io", 0);
          assertThat(d.model.inFlight()).isLessThanOrEqualTo(7);
          assertThat(io).isLessThanOrEqualTo(3);
          most.accumulateAndGet(d.model.inFlight(), Math::max);
          mostIo.accumulateAndGet(io, Math::max);
        });

    assertThat(run.run()).isEqualTo(RunState.SUCCEEDED);

    assertThat(most.get()).isEqualTo(7);
    assertThat(mostIo.get()).isEqualTo(3);
    assertThat(run.tokens).hasSize(220);
  }

  @Test
  void aSiteGetsNoMoreJobsThanItHasFreeSlots() {
    Workflow wf =
        Workflow.named("slots").job("a", j -> j.command("x").forEachInRange(1, 40)).build();
    Driver run = new Driver(wf, "slots=4", "pollsQueued=1", "pollsRunning=1");
    AtomicInteger most = new AtomicInteger();
    run.checks.add(
        d -> {
          int atSite = d.model.inFlightBySite().getOrDefault(Driver.SITE, 0);
          assertThat(atSite).isLessThanOrEqualTo(4);
          most.accumulateAndGet(atSite, Math::max);
        });

    assertThat(run.run()).isEqualTo(RunState.SUCCEEDED);
    assertThat(most.get()).isEqualTo(4);
  }

  @Test
  void higherPrioritiesAreSubmittedFirstThenPlanOrderThenIndex() {
    Workflow wf =
        Workflow.named("prio")
            .maxInFlight(1)
            .job("low", j -> j.command("x").forEach("x", "y"))
            .job("high", j -> j.command("x").priority(10).forEach("x", "y"))
            .job("mid", j -> j.command("x").priority(5))
            .job("mid2", j -> j.command("x").priority(5))
            .job("after", j -> j.command("x").priority(100).needs("low"))
            .build();
    Driver run = new Driver(wf);

    assertThat(run.run()).isEqualTo(RunState.SUCCEEDED);

    assertThat(run.submissionOrder())
        .containsExactly("high[x]", "high[y]", "mid", "mid2", "low[x]", "low[y]", "after");
  }

  @Test
  void aRetryKeepsItsPlaceByPriority() {
    Workflow wf =
        Workflow.named("prio")
            .maxInFlight(1)
            .job("urgent", j -> j.command("x").priority(9).retry(NO_WAIT))
            .job("bulk", j -> j.command("x").forEachInRange(1, 3))
            .build();
    Driver run = new Driver(wf, "failJobs=urgent", "failAttempts=1");

    assertThat(run.run()).isEqualTo(RunState.SUCCEEDED);

    assertThat(run.submissionOrder())
        .containsExactly("urgent", "urgent", "bulk[1]", "bulk[2]", "bulk[3]");
  }
}
