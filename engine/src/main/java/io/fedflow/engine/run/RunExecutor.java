package io.fedflow.engine.run;

import io.fedflow.dag.plan.Plan;
import io.fedflow.engine.EngineException;
import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import io.fedflow.engine.RunListener;
import io.fedflow.engine.RunRecord;
import io.fedflow.engine.RunState;
import io.fedflow.engine.core.Decider;
import io.fedflow.engine.core.DecisionContext;
import io.fedflow.engine.core.EngineEvent;
import io.fedflow.engine.core.Outcome;
import io.fedflow.engine.core.RunModel;
import io.fedflow.engine.core.SiteChooser;
import io.fedflow.engine.store.RunStore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Drives one run to its end, in rounds: gather events (the sites' answers to the last round's
 * submissions, polls, a cancel recorded in the store, the time), let the {@link Decider} decide,
 * commit the outcome in one transaction, apply it to the {@link RunModel}, and only then submit and
 * cancel at the sites. A round starts at once when the last one left answers to decide on; else the
 * executor sleeps until the next poll, the next timer, a cancel, or news from a site (which makes
 * it poll at once).
 *
 * <p>Starting is recovering: the model is rebuilt from the stored rows, the sites are asked for the
 * attempts that were being submitted, and a cancel is sent again, whether the run is new or was
 * left by a process that died at any point.
 */
public final class RunExecutor {
  private static final Logger LOG = LogManager.getLogger(RunExecutor.class);
  private static final long CANCEL_CHECK_NANOS = 500_000_000L;

  private final RunStore store;
  private final RunRecord run;
  private final RunModel model;
  private final Sites sites;
  private final Clock clock;
  private final Decider decider = new Decider();
  private final Submitter submitter;
  private final Poller poller;
  private final Canceller canceller;
  private final Recovery recovery;
  private final Progress progress;
  private final Capacities capacities;
  private final SiteChooser placement;
  private final Alarm alarm = new Alarm();
  private final AtomicBoolean news = new AtomicBoolean();
  private final Runnable onNews =
      () -> {
        news.set(true);
        alarm.ring();
      };
  private volatile boolean stopping;
  private volatile boolean lookForCancel;
  private boolean cancelSeen;
  private long nextCancelCheck;
  private long rounds;
  private long committing;

  private RunExecutor(
      RunStore store,
      RunRecord run,
      RunModel model,
      Sites sites,
      Clock clock,
      RunListener listener) {
    this.store = store;
    this.run = run;
    this.model = model;
    this.sites = sites;
    this.clock = clock;
    Path workflowDir =
        run.workflowFile() == null
            ? null
            : Path.of(run.workflowFile()).toAbsolutePath().normalize().getParent();
    this.capacities = new Capacities(sites);
    this.submitter =
        new Submitter(
            run.id(), new RunFolder(Path.of(run.runDir())), workflowDir, sites, capacities);
    this.poller = new Poller(sites);
    this.canceller = new Canceller(sites);
    this.recovery = new Recovery(sites, model);
    this.progress = new Progress(run.id(), run.createdAt(), clock, listener);
    this.placement = SiteChooser.firstAllowed(sites.names());
    this.cancelSeen = model.cancelRequested();
  }

  /**
   * Loads a run from the store: its workflow as recorded, its parameters, the state of each job.
   *
   * @throws EngineException when the recorded run does not fit its workflow, or names a site that
   *     is not configured now, or a job that no site configured now may take
   */
  public static RunExecutor load(
      RunStore store, RunRecord run, Sites sites, Clock clock, RunListener listener) {
    Plan plan = store.plan(run);
    List<JobRow> changed = store.changedJobs(run.id()); // the others are waiting
    RunModel model = RunModel.of(plan, run.id(), changed, store.cancelRequested(run.id()));
    TreeSet<String> unknown = new TreeSet<>();
    for (JobRow r : model.inFlightRows()) {
      if (sites.get(r.site()) == null) {
        unknown.add(r.site());
      }
    }
    if (!unknown.isEmpty()) {
      throw new EngineException(
          "run "
              + run.id()
              + " has jobs at "
              + (unknown.size() == 1 ? "site " : "sites ")
              + String.join(", ", unknown)
              + ", which the engine is not configured with now");
    }
    SiteCheck.requirePlacements(plan, sites.names());
    return new RunExecutor(store, run, model, sites, clock, listener);
  }

  /**
   * Runs rounds until every job is terminal, and returns the run's final state; or until {@link
   * #stop()}, and returns RUNNING: the run is left as committed, for a later follow.
   */
  public RunState run() {
    sites.listen(onNews);
    try {
      return follow();
    } finally {
      sites.unlisten(onNews);
    }
  }

  private RunState follow() {
    long total = model.total();
    LOG.info(
        "following run {} ({}): {} jobs, {} already ended{}",
        run.id(),
        run.workflowName(),
        total,
        model.count(JobState.SUCCEEDED)
            + model.count(JobState.FAILED)
            + model.count(JobState.CANCELLED)
            + model.count(JobState.SKIPPED),
        model.cancelRequested() ? ", being cancelled" : "");
    long started = System.nanoTime();
    List<EngineEvent> events = new ArrayList<>();
    recovery.lookUp(events);
    poller.poll(model, events, System.nanoTime()); // a site learns of the jobs it runs for us
    if (model.cancelRequested()) {
      events.add(new EngineEvent.CancelRequested());
    }
    while (!stopping) {
      long roundStart = System.nanoTime();
      noticeCancel(events, roundStart);
      int eventCount = events.size();
      Outcome o = decider.decide(model, events, context());
      events = new ArrayList<>();
      long decided = System.nanoTime();
      if (!o.changes().isEmpty() || o.runEnd() != null) {
        store.apply(run.id(), o.changes(), o.runEnd());
      }
      long committed = System.nanoTime();
      committing += committed - decided;
      model.apply(o);
      rounds++;
      if (LOG.isDebugEnabled()) {
        LOG.debug(
            "round {}: {} events, {} changes, {} to submit, {} to cancel; decided in {} us,"
                + " committed in {} us",
            rounds,
            eventCount,
            o.changes().size(),
            o.toSubmit().size(),
            o.toCancel().size(),
            (decided - roundStart) / 1000,
            (committed - decided) / 1000);
      }
      if (o.runEnd() != null) {
        progress.report(model, true);
        LOG.info(
            "run {} {} after {} rounds and {} polls in {}, {} of it committing",
            run.id(),
            o.runEnd().name().toLowerCase(Locale.ROOT),
            rounds,
            poller.polls(),
            Duration.ofNanos(System.nanoTime() - started),
            Duration.ofNanos(committing));
        return o.runEnd();
      }
      progress.report(model, false);
      submitter.add(o.toSubmit());
      if (model.cancelRequested() && submitter.isHolding()) {
        submitter.dropForCancel(model, events);
      }
      submitter.handOver(model, events);
      if (!o.toCancel().isEmpty()) {
        canceller.cancel(o.toCancel());
      }
      if (events.isEmpty()) {
        awaitEvents(events);
      }
    }
    LOG.info("stopped following run {}; it goes on when followed again", run.id());
    progress.report(model, true);
    return RunState.RUNNING;
  }

  /** Wakes the executor to look for a cancel in the store now. */
  public void wake() {
    lookForCancel = true;
    alarm.ring();
  }

  /** Stops after the round under way; the run stays as committed. */
  public void stop() {
    stopping = true;
    alarm.ring();
  }

  private DecisionContext context() {
    return new DecisionContext(
        clock.instant(),
        submitter.roomLeft(capacities.freeSlots()),
        placement,
        model.plan().workflow().limits());
  }

  /** Adds a cancel request found in the store, where any process may record one. */
  private void noticeCancel(List<EngineEvent> events, long now) {
    if (cancelSeen || (now < nextCancelCheck && !lookForCancel)) {
      return;
    }
    lookForCancel = false;
    nextCancelCheck = now + CANCEL_CHECK_NANOS;
    if (store.cancelRequested(run.id())) {
      cancelSeen = true;
      LOG.info("run {}: cancel requested", run.id());
      events.add(new EngineEvent.CancelRequested());
    }
  }

  /**
   * Waits for something to decide on: news from a poll, a timer due, a cancel, or room that may
   * have opened at a site for jobs ready. Sleeps between, never past the next poll or timer; a
   * site's news makes the poll due at once.
   */
  private void awaitEvents(List<EngineEvent> events) {
    while (events.isEmpty() && !stopping) {
      long now = System.nanoTime();
      if (news.getAndSet(false) || poller.nanosUntilDue(now) <= 0) {
        poller.poll(model, events, now);
        recovery.lookUp(events);
        canceller.retry();
        boolean roomOpened = capacities.refreshAll();
        if (submitter.isHolding()) {
          submitter.handOver(model, events);
        }
        if (events.isEmpty() && roomOpened && model.count(JobState.READY) > 0) {
          events.add(new EngineEvent.Tick()); // jobs wait for room, which has opened
        }
        if (!events.isEmpty()) {
          return;
        }
      }
      Optional<Instant> wake = model.nextWakeUp();
      long untilTimer =
          wake.map(w -> Duration.between(clock.instant(), w).toNanos()).orElse(Long.MAX_VALUE);
      if (untilTimer <= 0) {
        events.add(new EngineEvent.Tick());
        return;
      }
      noticeCancel(events, now);
      if (!events.isEmpty()) {
        return;
      }
      progress.report(model, false);
      long sleep = Math.min(untilTimer, CANCEL_CHECK_NANOS);
      if (model.inFlight() > 0 || model.count(JobState.READY) > 0) {
        sleep = Math.min(sleep, Math.max(0, poller.nanosUntilDue(System.nanoTime())));
      }
      if (sleep > 0) {
        alarm.await(sleep);
      }
    }
  }
}
