package io.fedflow.engine.store;

import io.fedflow.engine.JobState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The recorded changes of one instance, read as its event log and its attempts: an attempt opens
 * when the instance goes SUBMITTING with a new attempt number and closes when it leaves the site's
 * hands.
 */
record InstanceHistory(String runId, String instanceId, List<StoredChange> changes) {
  /** The states in which an attempt is in the site's hands. */
  static final Set<JobState> LIVE =
      EnumSet.of(JobState.SUBMITTING, JobState.QUEUED, JobState.RUNNING, JobState.UNKNOWN);

  List<JobEvent> events() {
    List<JobEvent> out = new ArrayList<>(changes.size());
    for (StoredChange c : changes) {
      out.add(
          new JobEvent(c.seq(), runId, instanceId, c.updatedAt(), c.from(), c.to(), c.detail()));
    }
    return out;
  }

  List<Attempt> attempts() {
    Map<Integer, Attempt> byNumber = new TreeMap<>();
    for (StoredChange c : changes) {
      if (c.token() == null) {
        continue;
      }
      if (c.to() == JobState.SUBMITTING && c.from() != JobState.SUBMITTING) {
        byNumber.put(
            c.attempt(),
            new Attempt(
                runId,
                instanceId,
                c.attempt(),
                c.token(),
                c.site(),
                c.nativeId(),
                null,
                null,
                c.updatedAt(),
                null,
                null,
                c.detail(),
                null,
                null));
      } else if (LIVE.contains(c.from()) && !LIVE.contains(c.to())) {
        Attempt open = byNumber.get(c.attempt());
        if (open == null) {
          continue;
        }
        JobState outcome = c.to() == JobState.RETRY_WAIT ? JobState.FAILED : c.to();
        byNumber.put(
            c.attempt(),
            new Attempt(
                runId,
                instanceId,
                c.attempt(),
                open.token(),
                c.site(),
                c.nativeId(),
                outcome,
                c.exitCode(),
                open.submittedAt(),
                c.startedAt(),
                c.endedAt() == null ? c.updatedAt() : c.endedAt(),
                c.detail(),
                c.energyJoules(),
                c.billing()));
      }
    }
    return List.copyOf(byNumber.values());
  }
}
