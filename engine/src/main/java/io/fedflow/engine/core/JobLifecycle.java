package io.fedflow.engine.core;

import static io.fedflow.engine.JobState.CANCELLED;
import static io.fedflow.engine.JobState.FAILED;
import static io.fedflow.engine.JobState.QUEUED;
import static io.fedflow.engine.JobState.READY;
import static io.fedflow.engine.JobState.RETRY_WAIT;
import static io.fedflow.engine.JobState.RUNNING;
import static io.fedflow.engine.JobState.SKIPPED;
import static io.fedflow.engine.JobState.SUBMITTING;
import static io.fedflow.engine.JobState.SUCCEEDED;
import static io.fedflow.engine.JobState.UNKNOWN;
import static io.fedflow.engine.JobState.WAITING;

import io.fedflow.engine.JobState;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every legal transition of a job instance, as a table: (state, trigger) to the next state. Nothing
 * sets a state directly; the decider asks this table and an illegal step throws. {@code
 * docs/job-states.md} shows the table as a diagram, checked by a test.
 */
final class JobLifecycle {
  private static final Map<JobState, Map<Trigger, JobState>> TABLE = new EnumMap<>(JobState.class);

  static {
    row(WAITING, Trigger.NEEDS_MET, READY);
    row(WAITING, Trigger.UPSTREAM_FAILED, SKIPPED);
    row(WAITING, Trigger.CANCEL, CANCELLED);

    row(READY, Trigger.CHOSEN, SUBMITTING); // token and attempt recorded before the site is called
    row(READY, Trigger.CANCEL, CANCELLED);

    row(SUBMITTING, Trigger.ACCEPTED, QUEUED);
    // Same token, same attempt: submission is idempotent per token, so a call that timed out but
    // reached the site cannot start the job twice. The job keeps its slot under the throttles.
    row(SUBMITTING, Trigger.SUBMIT_DEFERRED, SUBMITTING);
    row(SUBMITTING, Trigger.BACKOFF_ELAPSED, SUBMITTING); // the deferred submission is retried
    row(SUBMITTING, Trigger.REJECTED, FAILED); // retrying a refused job cannot mend it
    // A fast job may be seen before the submission's answer is applied.
    row(SUBMITTING, Trigger.STARTED, RUNNING);
    ended(SUBMITTING);
    // Cancelled while deferred, or absent at the site after a crash: it never reached the site.
    row(SUBMITTING, Trigger.CANCEL, CANCELLED);

    row(QUEUED, Trigger.STARTED, RUNNING);
    ended(QUEUED); // a fast job may end between two polls without being seen running
    row(QUEUED, Trigger.SITE_LOST_JOB, RETRY_WAIT);
    row(QUEUED, Trigger.SITE_SILENT, UNKNOWN);

    row(RUNNING, Trigger.SEEN_QUEUED, QUEUED); // evicted back to the queue (HTCondor does)
    ended(RUNNING);
    row(RUNNING, Trigger.SITE_LOST_JOB, RETRY_WAIT);
    row(RUNNING, Trigger.SITE_SILENT, UNKNOWN);

    // The site answers again: the job is wherever the site says, never failed for the silence.
    row(UNKNOWN, Trigger.SEEN_QUEUED, QUEUED);
    row(UNKNOWN, Trigger.STARTED, RUNNING);
    ended(UNKNOWN);
    row(UNKNOWN, Trigger.SITE_LOST_JOB, RETRY_WAIT);

    row(RETRY_WAIT, Trigger.BACKOFF_ELAPSED, READY); // a new attempt, with a new token
    row(RETRY_WAIT, Trigger.CANCEL, CANCELLED);
    // SUCCEEDED, FAILED, CANCELLED and SKIPPED are terminal: no row leaves them.
  }

  private JobLifecycle() {}

  /** The ways a job that may be at a site can end, as the site tells them. */
  private static void ended(JobState from) {
    row(from, Trigger.SUCCEEDED, SUCCEEDED);
    row(from, Trigger.FAILED_RETRYABLE, RETRY_WAIT);
    row(from, Trigger.FAILED_FINAL, FAILED);
    row(from, Trigger.SITE_FAULT, RETRY_WAIT);
    row(from, Trigger.CANCELLED_AT_SITE, CANCELLED);
  }

  private static void row(JobState from, Trigger trigger, JobState to) {
    JobState old = TABLE.computeIfAbsent(from, s -> new EnumMap<>(Trigger.class)).put(trigger, to);
    if (old != null) {
      throw new IllegalStateException("two rows for " + from + " on " + trigger);
    }
  }

  /** The state after {@code trigger} in {@code from}, or null when the table has no such row. */
  static JobState next(JobState from, Trigger trigger) {
    Map<Trigger, JobState> out = TABLE.get(from);
    return out == null ? null : out.get(trigger);
  }

  /** Whether some trigger leads from {@code from} to {@code to}. */
  static boolean allows(JobState from, JobState to) {
    Map<Trigger, JobState> out = TABLE.get(from);
    return out != null && out.containsValue(to);
  }

  /**
   * The table as a Mermaid state diagram: one arrow per pair of states, labelled with its triggers,
   * in the order of the states and of the triggers.
   */
  static String mermaid() {
    List<String> lines = new ArrayList<>();
    lines.add("stateDiagram-v2");
    lines.add("    [*] --> " + WAITING);
    for (JobState from : JobState.values()) {
      Map<JobState, List<String>> arrows = new LinkedHashMap<>();
      TABLE
          .getOrDefault(from, Map.of())
          .forEach((t, to) -> arrows.computeIfAbsent(to, k -> new ArrayList<>()).add(t.words()));
      arrows.forEach(
          (to, words) -> lines.add("    " + from + " --> " + to + ": " + String.join(", ", words)));
      if (from.isTerminal()) {
        lines.add("    " + from + " --> [*]");
      }
    }
    return String.join("\n", lines) + "\n";
  }
}
