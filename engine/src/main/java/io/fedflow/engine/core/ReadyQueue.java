package io.fedflow.engine.core;

import java.util.BitSet;

/**
 * The model's ready instances, in the order they are chosen: by job rank (priority, then plan
 * order), then by index. A bit per instance of each job with ready instances, and per lane a bit
 * per rank of the jobs with ready instances; nothing is allocated for a job with none.
 */
final class ReadyQueue {
  private final Topology topo;
  private final BitSet[] byJob;
  private final BitSet[] laneRanks;

  ReadyQueue(Topology topo) {
    this.topo = topo;
    byJob = new BitSet[topo.jobCount()];
    laneRanks = new BitSet[topo.laneCount()];
    for (int l = 0; l < laneRanks.length; l++) {
      laneRanks[l] = new BitSet();
    }
  }

  void add(int job, int index) {
    if (byJob[job] == null) {
      byJob[job] = new BitSet();
    }
    byJob[job].set(index);
    laneRanks[topo.lane[job]].set(topo.rank[job]);
  }

  void remove(int job, int index) {
    BitSet b = byJob[job];
    b.clear(index);
    if (b.isEmpty()) {
      byJob[job] = null;
      laneRanks[topo.lane[job]].clear(topo.rank[job]);
    }
  }

  /** The ready indices of {@code job}, or null when it has none. Not to be changed. */
  BitSet indices(int job) {
    return byJob[job];
  }

  /** The ranks of the lane's jobs that have ready instances. Not to be changed. */
  BitSet ranks(int lane) {
    return laneRanks[lane];
  }
}
