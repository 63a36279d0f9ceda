package io.fedflow.dag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

/**
 * The jobs of a workflow as the validator sees them: ids resolved once into a map (so checking a
 * hundred thousand needs is linear), the fan-out each job has (its own, or the one it takes from
 * the job it pairs with item by item) and the cycles among them.
 */
final class JobGraph {
  private final List<JobSpec> jobs;
  private final String finalId;
  private final Map<String, Integer> positions;
  private final ForEach[] fanOuts;
  private final Map<Integer, List<String>> cyclesByStart = new HashMap<>();
  private final boolean moreCycles;

  private JobGraph(Workflow wf) {
    jobs = wf.jobs();
    finalId = wf.finalJob() == null ? null : wf.finalJob().id();
    positions = new HashMap<>(jobs.size() * 2);
    for (int i = 0; i < jobs.size(); i++) {
      positions.putIfAbsent(jobs.get(i).id(), i);
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
    return positions.get(jobs.get(i).id()) != i;
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
    for (Dependency d : jobs.get(i).needs()) {
      int up = d.itemwise() ? upstream(i, d) : -1;
      if (up >= 0) {
        return up;
      }
    }
    return -1;
  }

  /** An edge from each job to each job it needs; self-needs and repeated ids left out. */
  private Graph<Integer, DefaultEdge> needsGraph() {
    Graph<Integer, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
    for (int i = 0; i < jobs.size(); i++) {
      if (!isRepeated(i)) {
        g.addVertex(i);
      }
    }
    for (int i = 0; i < jobs.size(); i++) {
      if (isRepeated(i)) {
        continue;
      }
      for (Dependency d : jobs.get(i).needs()) {
        int up = upstream(i, d);
        if (up >= 0) {
          g.addEdge(i, up);
        }
      }
    }
    return g;
  }

  /** Checks the needs of job {@code i}, item-wise pairing and the cycles that start at it. */
  void checkNeeds(int i, String base, FanOutCheck fanOutCheck, List<Problem> out) {
    JobSpec spec = jobs.get(i);
    Set<String> seen = new HashSet<>();
    String pairedWith = null;
    for (int k = 0; k < spec.needs().size(); k++) {
      Dependency d = spec.needs().get(k);
      String at = FieldPaths.index(base + ".needs", k);
      if (d.job().equals(spec.id())) {
        out.add(new Problem(at, "no cycle", "the cycle " + d.job() + " -> " + d.job()));
        continue;
      }
      int up = upstream(i, d);
      if (up < 0) {
        boolean isFinal = d.job().equals(finalId);
        out.add(
            new Problem(
                at,
                isFinal ? "a job other than the final job" : "the id of a job of this workflow",
                FieldPaths.quoted(d.job())));
        continue;
      }
      if (!seen.add(d.job())) {
        out.add(new Problem(at, "each job at most once", FieldPaths.quoted(d.job()) + " again"));
        continue;
      }
      if (d.itemwise()) {
        pairedWith = checkPairing(i, d, up, pairedWith, base, at, fanOutCheck, out);
      }
    }
    for (String cycle : cyclesByStart.getOrDefault(i, List.of())) {
      out.add(new Problem(base + ".needs", "no cycle", "the cycle " + cycle));
    }
  }

  /** Checks one item-wise need; returns the job whose fan-out job {@code i} takes, if any. */
  private String checkPairing(
      int i,
      Dependency d,
      int up,
      String pairedWith,
      String base,
      String at,
      FanOutCheck fanOutCheck,
      List<Problem> out) {
    JobSpec spec = jobs.get(i);
    ForEach upstream = fanOuts[up];
    if (upstream == null) {
      out.add(
          new Problem(at, "a job with forEach, to pair item by item", FieldPaths.quoted(d.job())));
      return pairedWith;
    }
    if (spec.forEach() != null) {
      if (!fanOutCheck.sameItems(spec.forEach(), upstream)) {
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
    if (fanOuts[i] != null && !fanOutCheck.sameItems(fanOuts[i], upstream)) {
      out.add(
          new Problem(
              at, "a job with the same forEach as " + pairedWith, FieldPaths.quoted(d.job())));
    }
    return pairedWith;
  }
}
