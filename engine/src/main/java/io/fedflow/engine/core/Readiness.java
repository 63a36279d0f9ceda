package io.fedflow.engine.core;

import io.fedflow.engine.JobState;
import java.util.ArrayDeque;

/**
 * Which waiting instances may run, and which never will. Works from what just changed: the success
 * of one instance looks at the instances that wait for it; a fan-in is looked at once, when the
 * last instance it waits for succeeds. Failures skip what depends on them, transitively, without
 * recursion (chains may be a hundred thousand jobs long).
 */
final class Readiness {
  private Readiness() {}

  /** After (u, i) succeeded: its dependants whose needs are now all met become ready. */
  static void afterSuccess(Round r, int u, int i) {
    if (r.cancelling) {
      return; // nothing new starts in a cancelled run; the final job has no links
    }
    Topology t = r.topo;
    for (int k = 0; k < t.down[u].length; k++) {
      int d = t.down[u][k];
      if (t.downItemwise[u][k]) {
        if (r.state(d, i) == JobState.WAITING && needsMet(r, d, i)) {
          r.move(d, i, Trigger.NEEDS_MET, x -> {}, "needs met");
        }
      } else if (r.count(u, JobState.SUCCEEDED) == t.size[u]) {
        releaseJob(r, d);
      }
    }
  }

  /** After (u, i) failed for good or was skipped: what can no longer run is skipped. */
  static void afterFailure(Round r, int u, int i) {
    if (r.cancelling) {
      return; // everything waiting is cancelled instead
    }
    Topology t = r.topo;
    ArrayDeque<Long> ended = new ArrayDeque<>();
    ended.push(Topology.key(u, i));
    while (!ended.isEmpty()) {
      long key = ended.pop();
      int a = Topology.jobOf(key);
      int ai = Topology.indexOf(key);
      if (t.down[a].length == 0) {
        continue;
      }
      String why =
          "upstream "
              + t.jobs[a].instanceId(ai)
              + (r.state(a, ai) == JobState.FAILED ? " failed" : " was skipped");
      for (int k = 0; k < t.down[a].length; k++) {
        int d = t.down[a][k];
        if (t.downItemwise[a][k]) {
          skip(r, d, ai, why, ended);
        } else if (r.count(d, JobState.WAITING) > 0) {
          for (int di = 0; di < t.size[d]; di++) {
            skip(r, d, di, why, ended);
          }
        }
      }
    }
  }

  private static void skip(Round r, int d, int i, String why, ArrayDeque<Long> ended) {
    if (r.state(d, i) == JobState.WAITING) {
      r.move(d, i, Trigger.UPSTREAM_FAILED, x -> {}, why);
      ended.push(Topology.key(d, i));
    }
  }

  /** After a start or a restart: every waiting instance whose needs are met. */
  static void releaseAllMet(Round r) {
    for (int j = 0; j < r.topo.jobCount(); j++) {
      if (j != r.topo.finalJob) {
        releaseJob(r, j);
      }
    }
  }

  /** Once every other instance has ended, whatever the outcome, the final job may start. */
  static void releaseFinal(Round r) {
    Topology t = r.topo;
    int f = t.finalJob;
    if (f < 0 || r.count(f, JobState.WAITING) == 0) {
      return;
    }
    long terminalOthers = 0;
    for (JobState s : JobState.values()) {
      if (s.isTerminal()) {
        terminalOthers += r.total(s) - r.count(f, s);
      }
    }
    if (terminalOthers == t.total - t.size[f]) {
      for (int i = 0; i < t.size[f]; i++) {
        r.move(f, i, Trigger.NEEDS_MET, x -> {}, "every other job has finished");
      }
    }
  }

  /** The job's waiting instances whose needs are met; none when a fan-in is not complete. */
  private static void releaseJob(Round r, int d) {
    Topology t = r.topo;
    if (r.count(d, JobState.WAITING) == 0) {
      return;
    }
    boolean itemwise = false;
    for (int k = 0; k < t.up[d].length; k++) {
      int u = t.up[d][k];
      if (t.upItemwise[d][k]) {
        itemwise = true;
      } else if (r.count(u, JobState.SUCCEEDED) != t.size[u]) {
        return;
      }
    }
    for (int i = 0; i < t.size[d]; i++) {
      if (r.state(d, i) == JobState.WAITING && (!itemwise || needsMet(r, d, i))) {
        r.move(d, i, Trigger.NEEDS_MET, x -> {}, "needs met");
      }
    }
  }

  private static boolean needsMet(Round r, int d, int i) {
    Topology t = r.topo;
    for (int k = 0; k < t.up[d].length; k++) {
      int u = t.up[d][k];
      boolean met =
          t.upItemwise[d][k]
              ? r.state(u, i) == JobState.SUCCEEDED
              : r.count(u, JobState.SUCCEEDED) == t.size[u];
      if (!met) {
        return false;
      }
    }
    return true;
  }
}
