package io.fedflow.engine.core;

import io.fedflow.dag.Durations;
import io.fedflow.dag.RetryPolicy;
import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import io.fedflow.engine.connector.Observation;
import io.fedflow.engine.connector.SiteJob;
import io.fedflow.engine.connector.SiteState;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * How each event about a job moves it: which trigger the event is, given the job's state. An event
 * about an attempt that is not the instance's current one in flight is stale and changes nothing;
 * an event that means nothing new (a queued job seen queued) changes nothing either.
 */
final class EventRules {
  private EventRules() {}

  static void apply(Round r, EngineEvent e) {
    if (e instanceof EngineEvent.Submitted s) {
      submitted(r, s.job());
    } else if (e instanceof EngineEvent.SubmitRejected s) {
      rejected(r, s);
    } else if (e instanceof EngineEvent.Observed o) {
      observed(r, o.job(), o.observation());
    } else if (e instanceof EngineEvent.Recovered rec) {
      recovered(r, rec);
    }
    // CancelRequested and Tick concern the run as a whole: the decider handles them.
  }

  /** The key of the instance in flight with this attempt, or -1 when the event is stale. */
  private static long current(Round r, String token) {
    Long key = r.keyOfToken(token);
    if (key == null) {
      return -1;
    }
    JobRow row = r.row(Topology.jobOf(key), Topology.indexOf(key));
    return Tally.inFlight(row.state()) && token.equals(row.token()) ? key : -1;
  }

  private static void submitted(Round r, SiteJob job) {
    long key = current(r, job.token());
    if (key < 0) {
      return;
    }
    int j = Topology.jobOf(key);
    int i = Topology.indexOf(key);
    if (r.row(j, i).state() == JobState.SUBMITTING) {
      accept(r, j, i, job, Details.acceptedBy(job.site()));
    }
  }

  private static void accept(Round r, int j, int i, SiteJob job, String detail) {
    JobRow next = r.move(j, i, Trigger.ACCEPTED, placed(job), detail);
    if (r.cancelling(j)) {
      r.cancelAtSite(next);
    }
  }

  /** Records where the site keeps the job, and that no timer runs for it any more. */
  private static Consumer<RowDraft> placed(SiteJob job) {
    return d -> {
      d.site = job.site();
      if (job.nativeId() != null) {
        d.nativeId = job.nativeId();
      }
      d.retryAt = null;
    };
  }

  private static void rejected(Round r, EngineEvent.SubmitRejected s) {
    long key = current(r, s.token());
    if (key < 0) {
      return;
    }
    int j = Topology.jobOf(key);
    int i = Topology.indexOf(key);
    JobRow row = r.row(j, i);
    if (row.state() != JobState.SUBMITTING) {
      return;
    }
    if (!s.transientFailure()) {
      r.move(j, i, Trigger.REJECTED, d -> {}, "rejected by " + row.site() + ": " + s.reason());
      Readiness.afterFailure(r, j, i);
    } else if (r.cancelling(j)) {
      r.move(j, i, Trigger.CANCEL, d -> d.retryAt = null, "cancelled before the site took it");
    } else {
      Duration wait = policy(r, j).delayBefore(1);
      r.move(
          j,
          i,
          Trigger.SUBMIT_DEFERRED,
          d -> d.retryAt = r.now.plus(wait),
          "submission failed (" + s.reason() + "); trying again in " + Durations.format(wait));
    }
  }

  private static void observed(Round r, SiteJob job, Observation obs) {
    long key = current(r, job.token());
    if (key < 0) {
      return;
    }
    int j = Topology.jobOf(key);
    int i = Topology.indexOf(key);
    JobState now = r.row(j, i).state();
    String site = job.site();
    switch (obs.state()) {
      case QUEUED -> {
        if (now == JobState.SUBMITTING) {
          accept(r, j, i, job, Details.queuedAt(site));
        } else if (now == JobState.RUNNING || now == JobState.UNKNOWN) {
          r.move(j, i, Trigger.SEEN_QUEUED, placed(job), Details.queuedAt(site));
        }
      }
      case RUNNING -> {
        if (now != JobState.RUNNING) {
          Instant started = obs.started() != null ? obs.started() : r.now;
          r.move(
              j,
              i,
              Trigger.STARTED,
              placed(job)
                  .andThen(
                      d -> {
                        d.startedAt = started;
                        keepUsage(d, obs);
                      }),
              Details.runningAt(site));
        }
      }
      case SUCCEEDED -> {
        r.move(j, i, Trigger.SUCCEEDED, ended(job, obs), outcome(obs, null));
        Readiness.afterSuccess(r, j, i);
      }
      case FAILED -> failed(r, j, i, job, obs, obs.reason());
      case CANCELLED -> {
        if (r.cancelling(j)) {
          r.move(j, i, Trigger.CANCELLED_AT_SITE, ended(job, obs), "cancelled at " + site);
        } else {
          failed(r, j, i, job, obs, "cancelled at " + site + " by someone else");
        }
      }
      case UNKNOWN -> {
        if (now == JobState.QUEUED || now == JobState.RUNNING) {
          r.move(j, i, Trigger.SITE_SILENT, d -> {}, site + " did not tell the job's state");
        }
      }
    }
  }

  /** An attempt that ended: where it ran, its exit code, its times, its energy and billing. */
  private static Consumer<RowDraft> ended(SiteJob job, Observation obs) {
    return placed(job)
        .andThen(
            d -> {
              d.exitCode = obs.exitCode();
              if (obs.started() != null) {
                d.startedAt = obs.started();
              }
              d.endedAt = obs.ended() != null ? obs.ended() : d.updatedAt;
              keepUsage(d, obs);
            });
  }

  /**
   * The energy and billing the site told, each kept from an earlier observation of the attempt when
   * this one does not tell it (a billing seen at the start, an end seen before accounting).
   */
  private static void keepUsage(RowDraft d, Observation obs) {
    if (obs.energyJoules() != null) {
      d.energyJoules = obs.energyJoules();
    }
    if (obs.billing() != null) {
      d.billing = obs.billing();
    }
  }

  /** {@code exit code 1 (out of memory)}, {@code failed}, {@code exit code 0}. */
  private static String outcome(Observation obs, String reason) {
    String what;
    if (obs.exitCode() != null) {
      what = Details.exitCode(obs.exitCode());
    } else {
      what = obs.state() == SiteState.SUCCEEDED ? "succeeded" : "failed";
    }
    return reason == null ? what : what + " (" + reason + ")";
  }

  private static void failed(Round r, int j, int i, SiteJob job, Observation obs, String reason) {
    JobRow row = r.row(j, i);
    String what = outcome(obs, reason);
    RetryPolicy policy = policy(r, j);
    if (r.cancelling(j)) {
      r.move(j, i, Trigger.CANCELLED_AT_SITE, ended(job, obs), what + "; the run is cancelled");
    } else if (obs.siteFault()) {
      int faults = row.siteFaults() + 1;
      Duration wait = policy.delayBefore(faults);
      r.move(
          j,
          i,
          Trigger.SITE_FAULT,
          ended(job, obs).andThen(d -> retryLater(d, r, wait, faults)),
          what
              + ", a fault of "
              + job.site()
              + ": trying again in "
              + Durations.format(wait)
              + ", no retry used");
    } else {
      int retry = row.attempt() - row.siteFaults();
      if (retry <= policy.count()) {
        Duration wait = policy.delayBefore(retry);
        r.move(
            j,
            i,
            Trigger.FAILED_RETRYABLE,
            ended(job, obs).andThen(d -> retryLater(d, r, wait, row.siteFaults())),
            what + ", retry " + retry + " of " + policy.count() + " in " + Durations.format(wait));
      } else {
        r.move(
            j,
            i,
            Trigger.FAILED_FINAL,
            ended(job, obs),
            policy.count() == 0 ? what : what + ", no retries left");
        Readiness.afterFailure(r, j, i);
      }
    }
  }

  private static void retryLater(RowDraft d, Round r, Duration wait, int siteFaults) {
    d.retryAt = r.now.plus(wait);
    d.siteFaults = siteFaults;
  }

  private static void recovered(Round r, EngineEvent.Recovered rec) {
    long key = current(r, rec.token());
    if (key < 0) {
      return;
    }
    int j = Topology.jobOf(key);
    int i = Topology.indexOf(key);
    JobRow row = r.row(j, i);
    SiteJob found = rec.found();
    if (row.state() == JobState.SUBMITTING) {
      if (found != null) {
        accept(r, j, i, found, "found at " + found.site() + " as " + found.nativeId());
      } else if (r.cancelling(j)) {
        r.move(j, i, Trigger.CANCEL, d -> d.retryAt = null, "cancelled; the site never had it");
      } else if (row.retryAt() == null) {
        r.submit(j, i); // the engine stopped before calling the site: call it now, same token
      } else if (!row.retryAt().isAfter(r.now)) {
        r.move(j, i, Trigger.BACKOFF_ELAPSED, d -> d.retryAt = null, "submitting again");
        r.submit(j, i);
      }
    } else if (found == null) {
      if (r.cancelling(j)) {
        r.move(j, i, Trigger.CANCELLED_AT_SITE, d -> {}, row.site() + " no longer has the job");
      } else {
        int faults = row.siteFaults() + 1;
        Duration wait = policy(r, j).delayBefore(faults);
        r.move(
            j,
            i,
            Trigger.SITE_LOST_JOB,
            d -> {
              retryLater(d, r, wait, faults);
              d.endedAt = r.now;
            },
            row.site()
                + " no longer has the job: trying again in "
                + Durations.format(wait)
                + ", no retry used");
      }
    }
  }

  static RetryPolicy policy(Round r, int j) {
    return r.topo.jobs[j].spec().retryOrNone();
  }
}
