package io.fedflow.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.dag.Workflow;
import io.fedflow.dag.plan.Plan;
import io.fedflow.engine.JobChange;
import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import io.fedflow.engine.RunState;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.Observation;
import io.fedflow.engine.connector.SiteConfig;
import io.fedflow.engine.connector.SiteJob;
import io.fedflow.engine.connector.Submission;
import io.fedflow.engine.connector.memory.MemoryConnector;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A tiny executor for tests: decides, "commits" the changes to a map of rows standing for the
 * database, applies them to the model, submits and cancels at a memory site, polls it, and moves an
 * injected time to the next timer when nothing else happens. A crash rebuilds the model from the
 * rows and recovers the jobs in flight by token, as the real executor does.
 */
final class Driver {
  static final String RUN = "r1";
  static final String SITE = "mem";

  final Plan plan;
  final Decider decider = new Decider();
  final Map<String, JobRow> rows = new LinkedHashMap<>();
  final List<JobChange> log = new ArrayList<>();
  final List<EngineEvent> pending = new ArrayList<>();
  final List<Consumer<Driver>> checks = new ArrayList<>();
  final Set<String> tokens = new HashSet<>();
  Instant now = Instant.parse("2026-01-01T00:00:00Z");
  RunModel model;
  MemoryConnector site;
  Outcome last;
  RunState end;
  private final Map<String, String> settings;

  Driver(Workflow wf, String... siteSettings) {
    plan = Plan.of(wf);
    model = RunModel.fresh(plan, RUN);
    settings = new HashMap<>();
    for (String s : siteSettings) {
      String[] kv = s.split("=", 2);
      settings.put(kv[0], kv[1]);
    }
    site = newSite();
  }

  MemoryConnector newSite() {
    try {
      return new MemoryConnector(new SiteConfig(SITE, "memory", settings), new DriverClock());
    } catch (ConnectorException e) {
      throw new IllegalStateException(e);
    }
  }

  DecisionContext context() {
    return new DecisionContext(
        now,
        Map.of(SITE, site.capacity().freeSlots()),
        SiteChooser.only(SITE),
        plan.workflow().limits());
  }

  /** The site's time is the driver's. */
  private final class DriverClock extends Clock {
    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("one zone");
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** One round: decide, commit, apply; then act on the sites unless told not to. */
  Outcome decide(boolean act) {
    Outcome o = decider.decide(model, List.copyOf(pending), context());
    pending.clear();
    for (JobChange c : o.changes()) {
      if (c.from() == JobState.READY && c.row().state() == JobState.SUBMITTING) {
        assertThat(tokens.add(c.row().token())).as("new token %s", c.row().token()).isTrue();
      }
      rows.put(c.row().instanceId(), c.row());
      log.add(c);
    }
    model.apply(o);
    last = o;
    checks.forEach(c -> c.accept(this));
    if (o.runEnd() != null) {
      end = o.runEnd();
    } else if (act) {
      act(o);
    }
    return o;
  }

  Outcome decide() {
    return decide(true);
  }

  void act(Outcome o) {
    for (SubmitOrder order : o.toSubmit()) {
      Submission s =
          new Submission(
              order.token(),
              RUN,
              order.instance(),
              order.attempt(),
              Path.of("attempts"),
              Path.of("work"));
      try {
        pending.add(new EngineEvent.Submitted(site.submit(s)));
      } catch (ConnectorException e) {
        pending.add(new EngineEvent.SubmitRejected(order.token(), e.getMessage(), e.isTransient()));
      }
    }
    site.cancel(o.toCancel());
  }

  void poll() {
    List<SiteJob> jobs = new ArrayList<>();
    for (JobRow r : model.inFlightRows()) {
      if (r.state() != JobState.SUBMITTING) {
        jobs.add(new SiteJob(r.site(), r.nativeId(), r.token()));
      }
    }
    for (Map.Entry<SiteJob, Observation> e : site.poll(jobs).entrySet()) {
      pending.add(new EngineEvent.Observed(e.getKey(), e.getValue()));
    }
  }

  RunState run() {
    return runUntil(() -> false);
  }

  /** Runs until the run ends (its state) or {@code stop} says so after a round (null). */
  RunState runUntil(BooleanSupplier stop) {
    for (int steps = 0; steps < 1_000_000; steps++) {
      Outcome o = decide();
      if (end != null) {
        return end;
      }
      if (stop.getAsBoolean()) {
        return null;
      }
      pollOrWait(o);
    }
    throw new AssertionError("no end after a million rounds");
  }

  /** Polls; when nothing happens, moves the time to the next timer, which must exist. */
  void pollOrWait(Outcome o) {
    poll();
    if (pending.isEmpty() && o.isEmpty()) {
      Instant wake =
          model.nextWakeUp().orElseThrow(() -> new AssertionError("stuck: " + model.counts()));
      now = wake.isAfter(now) ? wake : now;
      pending.add(new EngineEvent.Tick());
    }
  }

  /**
   * The engine dies: pending events are lost, the model is rebuilt from the rows, and every job in
   * flight is looked up at the site by its token.
   */
  void crash() {
    pending.clear();
    model = RunModel.of(plan, RUN, rows.values(), model.cancelRequested());
    List<String> inFlight = new ArrayList<>();
    model.inFlightRows().forEach(r -> inFlight.add(r.token()));
    Map<String, SiteJob> found = site.find(inFlight);
    for (String t : inFlight) {
      pending.add(new EngineEvent.Recovered(t, found.get(t)));
    }
  }

  /** The states the instance went through, its first included. */
  List<JobState> states(String instanceId) {
    List<JobState> out = new ArrayList<>();
    for (JobChange c : log) {
      if (c.row().instanceId().equals(instanceId)) {
        if (out.isEmpty()) {
          out.add(c.from());
        }
        out.add(c.row().state());
      }
    }
    return out;
  }

  List<JobChange> changes(String instanceId) {
    return log.stream().filter(c -> c.row().instanceId().equals(instanceId)).toList();
  }

  /** The position in the log of the instance's first change into {@code state}, or -1. */
  int when(String instanceId, JobState state) {
    for (int n = 0; n < log.size(); n++) {
      JobChange c = log.get(n);
      if (c.row().instanceId().equals(instanceId) && c.row().state() == state) {
        return n;
      }
    }
    return -1;
  }

  /** The instance ids in the order they were first submitted. */
  List<String> submissionOrder() {
    List<String> out = new ArrayList<>();
    for (JobChange c : log) {
      if (c.row().state() == JobState.SUBMITTING && c.from() == JobState.READY) {
        out.add(c.row().instanceId());
      }
    }
    return out;
  }

  JobRow row(String instanceId) {
    return rows.get(instanceId);
  }

  long count(JobState s) {
    return rows.values().stream().filter(r -> r.state() == s).count();
  }
}
