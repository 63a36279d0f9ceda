package io.fedflow.engine.core;

import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Chooses ready instances for submission, in queue order (priority, plan order, index), as long as
 * the throttles leave room: the workflow's most jobs in flight, each category's, and each site's
 * free slots. The lanes of the categories are merged by rank, and a lane whose category is full is
 * dropped, so the cost is that of what is chosen, not of what waits.
 */
final class Selection {
  private Selection() {}

  static void choose(Round r) {
    Integer max = r.ctx.limits().maxInFlight();
    long room = max == null ? Long.MAX_VALUE : (long) max - r.inFlight();
    Map<String, Integer> siteRoom = new HashMap<>(r.ctx.freeSlots());
    Topology t = r.topo;
    // {rank, lane}, lowest rank first
    PriorityQueue<int[]> lanes = new PriorityQueue<>((a, b) -> Integer.compare(a[0], b[0]));
    for (int lane = 0; lane < t.laneCount(); lane++) {
      int rank = nextRank(r, lane, 0);
      if (rank >= 0) {
        lanes.add(new int[] {rank, lane});
      }
    }
    while (room > 0 && !lanes.isEmpty() && hasRoom(siteRoom)) {
      int[] head = lanes.poll();
      int lane = head[1];
      long categoryRoom = categoryRoom(r, t.laneCategory[lane]);
      if (categoryRoom <= 0) {
        continue; // the lane is full: passed over with all its jobs
      }
      int j = t.jobAtRank[head[0]];
      String site = r.ctx.sites().siteFor(t.jobs[j]);
      int free = siteRoom.getOrDefault(site, 0);
      if (!r.cancelling(j) && free > 0) {
        int chosen = chooseFrom(r, j, site, Math.min(room, Math.min(categoryRoom, free)));
        room -= chosen;
        siteRoom.put(site, free - chosen);
      }
      int rank = nextRank(r, lane, head[0] + 1);
      if (rank >= 0) {
        lanes.add(new int[] {rank, lane});
      }
    }
  }

  private static boolean hasRoom(Map<String, Integer> siteRoom) {
    for (int free : siteRoom.values()) {
      if (free > 0) {
        return true;
      }
    }
    return false;
  }

  private static long categoryRoom(Round r, String category) {
    Integer limit = category == null ? null : r.ctx.limits().categories().get(category);
    return limit == null ? Long.MAX_VALUE : (long) limit - r.inFlightOfCategory(category);
  }

  /** Submits up to {@code max} ready instances of job {@code j}, lowest index first. */
  private static int chooseFrom(Round r, int j, String site, long max) {
    BitSet kept = r.model.ready.indices(j);
    BitSet added = r.addedReady(j);
    int chosen = 0;
    for (int i = next(kept, added, 0); i >= 0 && chosen < max; i = next(kept, added, i + 1)) {
      if (r.state(j, i) != JobState.READY) {
        continue;
      }
      JobRow row = r.row(j, i);
      String token = r.newToken();
      int attempt = row.attempt() + 1;
      r.move(
          j,
          i,
          Trigger.CHOSEN,
          d -> {
            d.attempt = attempt;
            d.token = token;
            d.site = site;
            d.nativeId = null;
            d.exitCode = null;
            d.retryAt = null;
            d.startedAt = null;
            d.endedAt = null;
            d.energyJoules = null;
            d.billing = null;
          },
          Details.submittingTo(site));
      r.submit(j, i);
      chosen++;
    }
    return chosen;
  }

  private static int nextRank(Round r, int lane, int from) {
    return next(r.model.ready.ranks(lane), r.addedRanks(lane), from);
  }

  /** The next set bit of either set from {@code from}, or -1. */
  private static int next(BitSet a, BitSet b, int from) {
    int x = a == null ? -1 : a.nextSetBit(from);
    int y = b == null ? -1 : b.nextSetBit(from);
    if (x < 0) {
      return y;
    }
    return y < 0 ? x : Math.min(x, y);
  }
}
