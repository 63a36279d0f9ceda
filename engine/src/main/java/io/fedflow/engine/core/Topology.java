package io.fedflow.engine.core;

import io.fedflow.dag.plan.Awaited;
import io.fedflow.dag.plan.Plan;
import io.fedflow.dag.plan.PlannedJob;
import io.fedflow.engine.EngineException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A plan as arrays the decider walks fast: jobs numbered in plan order, their links both ways,
 * their rank in the ready queue and their throttling lane. An instance is addressed by a {@code
 * long} key, the job's number in the high half and the index in the low half.
 */
final class Topology {
  final Plan plan;
  final PlannedJob[] jobs;
  final int[] size;
  final long total;

  /** The final job's number, or -1. */
  final int finalJob;

  final int[][] up;
  final boolean[][] upItemwise;
  final int[][] down;
  final boolean[][] downItemwise;

  /** Position in the ready queue: priority (higher first), then plan order. */
  final int[] rank;

  final int[] jobAtRank;

  /** Jobs of one category share a lane, so a full category is passed over at once. */
  final int[] lane;

  final String[] laneCategory;
  final String[] category;
  private final Map<String, Integer> numbers;

  Topology(Plan plan) {
    this.plan = plan;
    List<PlannedJob> list = plan.jobs();
    int n = list.size();
    jobs = list.toArray(PlannedJob[]::new);
    size = new int[n];
    numbers = new HashMap<>(n * 2);
    long count = 0;
    for (int j = 0; j < n; j++) {
      long s = jobs[j].size();
      if (s > Integer.MAX_VALUE) {
        throw new EngineException(
            "job "
                + jobs[j].id()
                + " has "
                + s
                + " instances; a job may have at most "
                + Integer.MAX_VALUE);
      }
      size[j] = (int) s;
      count += s;
      numbers.put(jobs[j].id(), j);
    }
    total = count;
    finalJob = plan.finalJob().map(f -> numbers.get(f.id())).orElse(-1);
    up = new int[n][];
    upItemwise = new boolean[n][];
    int[] downCount = new int[n];
    for (int j = 0; j < n; j++) {
      List<Awaited> awaited = jobs[j].awaited(0);
      up[j] = new int[awaited.size()];
      upItemwise[j] = new boolean[awaited.size()];
      for (int k = 0; k < awaited.size(); k++) {
        Awaited a = awaited.get(k);
        up[j][k] = numbers.get(a.job().id());
        upItemwise[j][k] = a instanceof Awaited.SameItem;
        downCount[up[j][k]]++;
      }
    }
    down = new int[n][];
    downItemwise = new boolean[n][];
    for (int j = 0; j < n; j++) {
      down[j] = new int[downCount[j]];
      downItemwise[j] = new boolean[downCount[j]];
      downCount[j] = 0;
    }
    for (int j = 0; j < n; j++) {
      for (int k = 0; k < up[j].length; k++) {
        int u = up[j][k];
        down[u][downCount[u]] = j;
        downItemwise[u][downCount[u]++] = upItemwise[j][k];
      }
    }
    Integer[] byRank = new Integer[n];
    Arrays.setAll(byRank, j -> j);
    Arrays.sort(byRank, Comparator.comparingInt((Integer j) -> -priority(jobs[j])));
    jobAtRank = new int[n];
    rank = new int[n];
    for (int r = 0; r < n; r++) {
      jobAtRank[r] = byRank[r];
      rank[byRank[r]] = r;
    }
    category = new String[n];
    lane = new int[n];
    Map<String, Integer> lanes = new LinkedHashMap<>();
    for (int j = 0; j < n; j++) {
      category[j] = jobs[j].spec().category();
      lane[j] = lanes.computeIfAbsent(Objects.toString(category[j], ""), c -> lanes.size());
    }
    List<String> names = new ArrayList<>(lanes.keySet());
    laneCategory = names.stream().map(c -> c.isEmpty() ? null : c).toArray(String[]::new);
  }

  private static int priority(PlannedJob job) {
    Integer p = job.spec().priority();
    return p == null ? 0 : p;
  }

  int jobCount() {
    return jobs.length;
  }

  int laneCount() {
    return laneCategory.length;
  }

  /** The job's number, or -1 when the plan has no such job. */
  int number(String jobId) {
    Integer j = numbers.get(jobId);
    return j == null ? -1 : j;
  }

  static long key(int job, int index) {
    return ((long) job << 32) | (index & 0xFFFFFFFFL);
  }

  static int jobOf(long key) {
    return (int) (key >>> 32);
  }

  static int indexOf(long key) {
    return (int) key;
  }
}
