package io.fedflow.engine.core;

import io.fedflow.engine.JobChange;
import java.util.ArrayList;
import java.util.List;

/**
 * The last changes of a run, kept for error messages: an illegal transition shows what happened to
 * the job before it. Bounded, so that a long run does not keep its whole history in memory.
 */
final class History {
  private final JobChange[] ring;
  private long written;

  History(int capacity) {
    ring = new JobChange[capacity];
  }

  void add(JobChange change) {
    ring[(int) (written++ % ring.length)] = change;
  }

  /** The kept changes of one instance, oldest first, then {@code more} (changes not yet kept). */
  List<JobChange> of(String instanceId, List<JobChange> more) {
    List<JobChange> out = new ArrayList<>();
    long first = Math.max(0, written - ring.length);
    for (long n = first; n < written; n++) {
      JobChange c = ring[(int) (n % ring.length)];
      if (c.row().instanceId().equals(instanceId)) {
        out.add(c);
      }
    }
    for (JobChange c : more) {
      if (c.row().instanceId().equals(instanceId)) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * {@code WAITING -> READY (needs met); READY -> SUBMITTING (submitting to local; attempt 1,
   * r.1)}; the attempt, its token and the site's id come from the row, as the details leave them
   * out.
   */
  static String describe(List<JobChange> changes) {
    if (changes.isEmpty()) {
      return "none kept";
    }
    List<String> parts = new ArrayList<>(changes.size());
    for (JobChange c : changes) {
      StringBuilder s = new StringBuilder();
      s.append(c.from()).append(" -> ").append(c.row().state()).append(" (").append(c.detail());
      if (c.row().token() != null) {
        s.append("; attempt ").append(c.row().attempt()).append(", ").append(c.row().token());
        if (c.row().nativeId() != null) {
          s.append(", site id ").append(c.row().nativeId());
        }
      }
      parts.add(s.append(')').toString());
    }
    return String.join("; ", parts);
  }
}
