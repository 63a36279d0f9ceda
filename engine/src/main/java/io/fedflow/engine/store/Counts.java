package io.fedflow.engine.store;

import io.fedflow.engine.JobState;
import java.util.EnumMap;
import java.util.Map;

/**
 * How many of a run's instances are in each state, kept with the run as text ({@code READY=3
 * SUCCEEDED=120}) so that listing runs reads no job. Waiting instances are not written: they are
 * those left of the total.
 */
final class Counts {
  private static final JobState[] STATES = JobState.values();
  private final long total;
  private final long[] n = new long[STATES.length];

  private Counts(long total) {
    this.total = total;
  }

  static Counts parse(long total, String text) {
    Counts c = new Counts(total);
    for (String part : text.split(" ")) {
      if (!part.isEmpty()) {
        int eq = part.indexOf('=');
        c.n[JobState.valueOf(part.substring(0, eq)).ordinal()] =
            Long.parseLong(part.substring(eq + 1));
      }
    }
    return c;
  }

  Counts copy() {
    Counts c = new Counts(total);
    System.arraycopy(n, 0, c.n, 0, n.length);
    return c;
  }

  void move(JobState from, JobState to) {
    if (from != JobState.WAITING) {
      n[from.ordinal()]--;
    }
    if (to != JobState.WAITING) {
      n[to.ordinal()]++;
    }
  }

  String text() {
    StringBuilder s = new StringBuilder();
    for (JobState state : STATES) {
      if (state != JobState.WAITING && n[state.ordinal()] != 0) {
        s.append(s.length() == 0 ? "" : " ")
            .append(state.name())
            .append('=')
            .append(n[state.ordinal()]);
      }
    }
    return s.toString();
  }

  /** Every state with at least one instance. */
  Map<JobState, Long> toMap() {
    Map<JobState, Long> out = new EnumMap<>(JobState.class);
    long waiting = total;
    for (JobState state : STATES) {
      if (state != JobState.WAITING) {
        waiting -= n[state.ordinal()];
        if (n[state.ordinal()] != 0) {
          out.put(state, n[state.ordinal()]);
        }
      }
    }
    if (waiting != 0) {
      out.put(JobState.WAITING, waiting);
    }
    return out;
  }
}
