package io.fedflow.engine.connector.memory;

import io.fedflow.engine.connector.Observation;
import io.fedflow.engine.connector.SiteJob;
import io.fedflow.engine.connector.SiteState;
import java.time.Instant;

/** One job at a memory site: how many polls it still spends in each phase, and how it ends. */
final class FakeJob {
  /** How the job ends once its polls are spent. */
  enum Ending {
    SUCCESS,
    FAILURE,
    SITE_FAULT
  }

  final SiteJob siteJob;
  private final Ending ending;
  private final int exitCode;
  private final Long energyJoules;
  private final Double billing;
  private int unknownLeft;
  private int queuedLeft;
  private int runningLeft;
  private boolean cancelRequested;
  private Observation last;
  private Instant started;

  /**
   * @param energyJoules what it reports when it ends, or null
   * @param billing what it reports from its start, or null
   */
  FakeJob(
      SiteJob siteJob,
      Ending ending,
      int exitCode,
      int unknown,
      int queued,
      int running,
      Long energyJoules,
      Double billing) {
    this.siteJob = siteJob;
    this.ending = ending;
    this.exitCode = exitCode;
    this.energyJoules = energyJoules;
    this.billing = billing;
    this.unknownLeft = unknown;
    this.queuedLeft = queued;
    this.runningLeft = running;
    this.last = Observation.of(SiteState.QUEUED);
  }

  /** Whether it still holds a slot. */
  boolean isActive() {
    return !isEnded() && !cancelRequested;
  }

  /** Whether it holds a slot and was last seen running. */
  boolean isRunning() {
    return isActive() && last.state() == SiteState.RUNNING;
  }

  boolean isEnded() {
    SiteState s = last.state();
    return s == SiteState.SUCCEEDED || s == SiteState.FAILED || s == SiteState.CANCELLED;
  }

  void cancel() {
    cancelRequested = true;
  }

  /** What one poll sees: the job moves on by one poll. */
  Observation poll(Instant now) {
    if (isEnded()) {
      return last;
    }
    if (unknownLeft > 0) {
      unknownLeft--;
      return Observation.of(SiteState.UNKNOWN);
    }
    if (cancelRequested) {
      last =
          new Observation(SiteState.CANCELLED, null, started, now, false, "cancelled", null, null);
    } else if (queuedLeft > 0) {
      queuedLeft--;
      last = Observation.of(SiteState.QUEUED);
    } else if (runningLeft > 0) {
      runningLeft--;
      started = started == null ? now : started;
      last = new Observation(SiteState.RUNNING, null, started, null, false, null, null, billing);
    } else {
      started = started == null ? now : started;
      Observation end =
          switch (ending) {
            case SUCCESS ->
                new Observation(SiteState.SUCCEEDED, 0, started, now, false, null, null, null);
            case FAILURE ->
                new Observation(SiteState.FAILED, exitCode, started, now, false, null, null, null);
            case SITE_FAULT ->
                new Observation(
                    SiteState.FAILED, null, started, now, true, "node lost", null, null);
          };
      last = energyJoules == null && billing == null ? end : end.withUsage(energyJoules, billing);
    }
    return last;
  }
}
