package io.fedflow.dag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The jobs of a workflow as the validator sees them: ids resolved once into a map (so checking a
 * hundred thousand needs is linear), the fan-out each job has (its own, or the one it takes from
 * the job it pairs with item by item) and the cycles among them.
 */
final class JobGraph {
  private final List<JobSpec> jobs;
  private final String finalId;
  private final Map<String, Integer> positions;
  private final boolean[] repeated;
  // For each job, the position of each job it needs, or -1 (unknown, or itself).
  private final int[][] upstream;
  private final ForEach[] fanOuts;
  private final Map<Integer, List<String>> cyclesByStart = new HashMap<>();
  private final boolean moreCycles;

  private JobGraph(Workflow wf) {
    jobs = wf.jobs();
    finalId = wf.finalJob() == null ? null : wf.finalJob().id();
    positions = new HashMap<>(jobs.size() * 2);
    repeated = new boolean[jobs.size()];
    for (int i = 0; i < jobs.size(); i++) {
      repeated[i] = positions.putIfAbsent(jobs.get(i).id(), i) != null;
    }
    upstream = new int[jobs.size()][];
    for (int i = 0; i < jobs.size(); i++) {
      List<Dependency> needs = jobs.get(i).needs();
      upstream[i] = new int[needs.size()];
      for (int k = 0; k < needs.size(); k++) {
        upstream[i][k] = upstream(i, needs.get(k));
      }
    }
    fanOuts = new ForEach[jobs.size()];
    resolveFanOuts();
    CycleFinder.Result cycles = CycleFinder.find(needsGraph());
    for (List<Integer> c : cycles.cycles()) {
      cyclesByStart
          .computeIfAbsent(c.get(0), k -> new ArrayList<>())
          .add(CycleFinder.describe(c, v -> jobs.get(v).id()));
    }
    moreCycles = cycles.more();
  }

  static JobGraph of(Workflow wf) {
    return new JobGraph(wf);
  }

  /** Whether job {@code i} repeats the id of a job written before it. */
  boolean isRepeated(int i) {
    return repeated[i];
  }

  boolean hasJob(String id) {
    return positions.containsKey(id);
  }

  /** The fan-out of job {@code i}: its own, or the one it takes from a {@code needs: x[item]}. */
  ForEach fanOut(int i) {
    return fanOuts[i];
  }

  boolean moreCycles() {
    return moreCycles;
  }

  /** The position of the job that {@code d} of job {@code i} names, or -1 if none (or itself). */
  private int upstream(int i, Dependency d) {
    Integer up = positions.get(d.job());
    return up == null || d.job().equals(jobs.get(i).id()) ? -1 : up;
  }

  /** Follows chains of item-wise needs without recursion: a chain may be 100,000 jobs long. */
  private void resolveFanOuts() {
    boolean[] done = new boolean[jobs.size()];
    boolean[] visiting = new boolean[jobs.size()];
    List<Integer> chain = new ArrayList<>();
    for (int start = 0; start < jobs.size(); start++) {
      ForEach found = null;
      int j = start;
      while (!done[j] && !visiting[j]) {
        JobSpec s = jobs.get(j);
        if (s.forEach() != null) {
          found = s.forEach();
          break;
        }
        int up = firstItemwise(j);
        if (up < 0) {
          break;
        }
        visiting[j] = true;
        chain.add(j);
        j = up;
      }
      if (done[j]) {
        found = fanOuts[j];
      }
      chain.add(j);
      for (int c : chain) {
        fanOuts[c] = found;
        done[c] = true;
        visiting[c] = false;
      }
      chain.clear();
    }
  }

  private int firstItemwise(int i) {
    List<Dependency> needs = jobs.get(i).needs();
    for (int k = 0; k < needs.size(); k++) {
      if (needs.get(k).itemwise() && upstream[i][k] >= 0) {
        return upstream[i][k];
      }
    }
    return -1;
  }

  /** The positions each job needs; self-needs, unknown jobs and repeated ids left out. */
  private int[][] needsGraph() {
    int[][] needs = new int[jobs.size()][];
    for (int i = 0; i < jobs.size(); i++) {
      int[] ups = new int[isRepeated(i) ? 0 : upstream[i].length];
      int n = 0;
      for (int k = 0; k < ups.length; k++) {
        if (upstream[i][k] >= 0) {
          ups[n++] = upstream[i][k];
        }
      }
      needs[i] = n == ups.length ? ups : Arrays.copyOf(ups, n);
    }
    return needs;
  }

  /** Checks the needs of job {@code i}, item-wise pairing and the cycles that start at it. */
  void checkNeeds(int i, String base, FanOutCheck fanOutCheck, List<Problem> out) {
    JobSpec spec = jobs.get(i);
    List<Dependency> needs = spec.needs();
    Set<String> seen = needs.size() > 1 ? new HashSet<>() : null;
    String pairedWith = null;
    for (int k = 0; k < needs.size(); k++) {
      Dependency d = needs.get(k);
      int up = upstream[i][k];
      if (d.job().equals(spec.id())) {
        out.add(
            new Problem(needsPath(base, k), "no cycle", "the cycle " + d.job() + " -> " + d.job()));
      } else if (up < 0) {
        boolean isFinal = d.job().equals(finalId);
        out.add(
            new Problem(
                needsPath(base, k),
                isFinal ? "a job other than the final job" : "the id of a job of this workflow",
                FieldPaths.quoted(d.job())));
      } else if (seen != null && !seen.add(d.job())) {
        out.add(
            new Problem(
                needsPath(base, k),
                "each job at most once",
                FieldPaths.quoted(d.job()) + " again"));
      } else if (d.itemwise()) {
        pairedWith = checkPairing(i, k, up, pairedWith, base, fanOutCheck, out);
      }
    }
    for (String cycle : cyclesByStart.getOrDefault(i, List.of())) {
      out.add(new Problem(base + ".needs", "no cycle", "the cycle " + cycle));
    }
  }

  private static String needsPath(String base, int k) {
    return FieldPaths.index(base + ".needs", k);
  }

  /** Checks one item-wise need; returns the job whose fan-out job {@code i} takes, if any. */
  private String checkPairing(
      int i,
      int k,
      int up,
      String pairedWith,
      String base,
      FanOutCheck fanOutCheck,
      List<Problem> out) {
    JobSpec spec = jobs.get(i);
    Dependency d = spec.needs().get(k);
    ForEach theirs = fanOuts[up];
    if (theirs == null) {
      out.add(
          new Problem(
              needsPath(base, k),
              "a job with forEach to pair item by item",
              FieldPaths.quoted(d.job())));
      return pairedWith;
    }
    if (spec.forEach() != null) {
      if (!fanOutCheck.sameItems(spec.forEach(), theirs)) {
        out.add(
            new Problem(
                base + ".forEach",
                "the forEach of " + d.job() + " (" + spec.id() + " needs " + d + ") or none",
                "a different one"));
      }
      return pairedWith;
    }
    if (pairedWith == null) {
      return d.job();
    }
    if (fanOuts[i] != null && !fanOutCheck.sameItems(fanOuts[i], theirs)) {
      out.add(
          new Problem(
              needsPath(base, k),
              "a job with the same forEach as " + pairedWith,
              FieldPaths.quoted(d.job())));
    }
    return pairedWith;
  }
}
