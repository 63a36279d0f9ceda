package io.fedflow.engine.core;

import io.fedflow.engine.JobState;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Counts of instances per job and state, and of instances in flight in all, per category and per
 * site. The model keeps one; a decision round keeps another for its own changes only (counts may be
 * negative there), so reading the round's view is the sum of both.
 */
final class Tally {
  private static final int STATES = JobState.values().length;

  private final int[][] dense;
  private final Map<Integer, int[]> sparse;
  private final long[] totals = new long[STATES];
  private int inFlight;
  private final Map<String, Integer> byCategory = new HashMap<>();
  private final Map<String, Integer> bySite = new HashMap<>();

  private Tally(int[][] dense, Map<Integer, int[]> sparse) {
    this.dense = dense;
    this.sparse = sparse;
  }

  /** For the model: an array per job. */
  static Tally dense(int jobs) {
    return new Tally(new int[jobs][STATES], null);
  }

  /** For a round, which touches a few jobs of perhaps a hundred thousand. */
  static Tally sparse() {
    return new Tally(null, new HashMap<>());
  }

  /** Whether a job in this state holds a slot under the throttles. */
  static boolean inFlight(JobState s) {
    return s == JobState.SUBMITTING
        || s == JobState.QUEUED
        || s == JobState.RUNNING
        || s == JobState.UNKNOWN;
  }

  int count(int job, JobState s) {
    int[] c = dense != null ? dense[job] : sparse.get(job);
    return c == null ? 0 : c[s.ordinal()];
  }

  long total(JobState s) {
    return totals[s.ordinal()];
  }

  int inFlight() {
    return inFlight;
  }

  int inFlightOfCategory(String category) {
    return byCategory.getOrDefault(category, 0);
  }

  int inFlightAtSite(String site) {
    return bySite.getOrDefault(site, 0);
  }

  Map<String, Integer> inFlightByCategory() {
    return byCategory;
  }

  Map<String, Integer> inFlightBySite() {
    return bySite;
  }

  /** Adds {@code n} instances of {@code job} in state {@code s} (negative to remove). */
  void add(int job, String category, JobState s, String site, int n) {
    int[] c = dense != null ? dense[job] : sparse.computeIfAbsent(job, k -> new int[STATES]);
    c[s.ordinal()] += n;
    totals[s.ordinal()] += n;
    if (inFlight(s)) {
      inFlight += n;
      if (category != null) {
        byCategory.merge(category, n, Integer::sum);
      }
      bySite.merge(site, n, Integer::sum);
    }
  }

  void move(int job, String category, JobState from, String fromSite, JobState to, String toSite) {
    if (inFlight(from) && inFlight(to) && Objects.equals(fromSite, toSite)) {
      int[] c = dense != null ? dense[job] : sparse.computeIfAbsent(job, k -> new int[STATES]);
      c[from.ordinal()]--;
      c[to.ordinal()]++;
      totals[from.ordinal()]--;
      totals[to.ordinal()]++;
      return; // still in flight at the same site: the throttles' counts stay
    }
    add(job, category, from, fromSite, -1);
    add(job, category, to, toSite, 1);
  }
}
