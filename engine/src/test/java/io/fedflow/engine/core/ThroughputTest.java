package io.fedflow.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.dag.Workflow;
import io.fedflow.dag.WorkflowBuilder;
import io.fedflow.dag.plan.Plan;
import io.fedflow.engine.JobState;
import io.fedflow.engine.RunState;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.Observation;
import io.fedflow.engine.connector.SiteConfig;
import io.fedflow.engine.connector.SiteJob;
import io.fedflow.engine.connector.Submission;
import io.fedflow.engine.connector.memory.MemoryConnector;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A hundred thousand instances through the decider, the model and a memory site, without a store:
 * the in-memory part must leave the store most of the time of a 50,000 jobs/s run. Measured in CPU
 * time of this thread, as the machine is shared; the bound asserted is far below what it does, to
 * catch a cost that grows with the run, not to time it.
 */
class ThroughputTest {
  private static final int N = 100_000;

  @Test
  void aFanOutOfAHundredThousandGoesFast() throws ConnectorException {
    Workflow wf =
        Workflow.named("wide")
            .maxInFlight(5_000)
            .job("sim", j -> j.command("true").forEachInRange(1, N))
            .job("merge", j -> j.command("true").needs("sim"))
            .build();
    measure("fan-out", Plan.of(wf), N + 1);
  }

  @Test
  void aHundredThousandJobsGoFast() throws ConnectorException {
    measure("jobs", Plan.of(many()), N);
  }

  private static Workflow many() {
    WorkflowBuilder b = Workflow.named("many").maxInFlight(5_000).categoryLimit("io", 1_000);
    for (int n = 0; n < N; n++) {
      int k = n;
      // chains of ten, some of them io
      b.job(
          "j" + n,
          j -> {
            j.command("true").priority(k % 3);
            if (k % 10 != 0) {
              j.needs("j" + (k - 1));
            }
            if (k % 4 == 0) {
              j.category("io");
            }
          });
    }
    return b.build();
  }

  private static void measure(String name, Plan plan, long instances) throws ConnectorException {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    MemoryConnector site =
        new MemoryConnector(
            new SiteConfig("mem", "memory", Map.of("slots", "10000")),
            Clock.fixed(now, ZoneOffset.UTC));
    RunModel model = RunModel.fresh(plan, "r");
    Decider decider = new Decider();
    List<EngineEvent> events = new ArrayList<>();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long coreNanos = 0;
    long transitions = 0;
    long start = System.nanoTime();
    Outcome o;
    do {
      DecisionContext ctx =
          new DecisionContext(
              now,
              Map.of("mem", site.capacity().freeSlots()),
              SiteChooser.only("mem"),
              plan.workflow().limits());
      long t0 = threads.getCurrentThreadCpuTime();
      o = decider.decide(model, events, ctx);
      model.apply(o);
      coreNanos += threads.getCurrentThreadCpuTime() - t0;
      transitions += o.changes().size();
      events = new ArrayList<>();
      for (SubmitOrder order : o.toSubmit()) {
        Submission s =
            new Submission(
                order.token(), "r", order.instance(), order.attempt(), Path.of("a"), Path.of("w"));
        events.add(new EngineEvent.Submitted(site.submit(s)));
      }
      List<SiteJob> polled = new ArrayList<>();
      for (var row : model.inFlightRows()) {
        if (row.state() != JobState.SUBMITTING) {
          polled.add(new SiteJob(row.site(), row.nativeId(), row.token()));
        }
      }
      for (Map.Entry<SiteJob, Observation> e : site.poll(polled).entrySet()) {
        events.add(new EngineEvent.Observed(e.getKey(), e.getValue()));
      }
    } while (o.runEnd() == null);
    double all = (System.nanoTime() - start) / 1e9;
    double core = coreNanos / 1e9;
    System.out.printf(
        "%s: %d instances, %d transitions; in all %.2fs (%.0f jobs/s); decider and model %.2fs"
            + " of CPU (%.0f transitions/s)%n",
        name, instances, transitions, all, instances / all, core, transitions / core);

    assertThat(o.runEnd()).isEqualTo(RunState.SUCCEEDED);
    assertThat(model.count(JobState.SUCCEEDED)).isEqualTo(instances);
    assertThat(transitions / core).isGreaterThan(100_000);
  }
}
