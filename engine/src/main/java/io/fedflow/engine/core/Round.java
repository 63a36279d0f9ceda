package io.fedflow.engine.core;

import io.fedflow.engine.JobChange;
import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import io.fedflow.engine.RunState;
import io.fedflow.engine.connector.SiteJob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One decision round: the model seen through the changes decided so far in the round, which the
 * round keeps apart (rows, counts, newly ready instances) so that the model itself is not touched.
 * Every change goes through {@link #move}, which asks the job life cycle for the next state.
 */
final class Round {
  final RunModel model;
  final Topology topo;
  final DecisionContext ctx;
  final Instant now;

  /** Whether the run is being cancelled (requested before, or in this round's events). */
  final boolean cancelling;

  private final LongMap<JobRow> changed = new LongMap<>();
  private final List<JobChange> changes = new ArrayList<>();
  private final Tally delta = Tally.sparse();
  private final Map<Integer, BitSet> addedReady = new HashMap<>();
  private final BitSet[] addedRanks;
  private final List<SubmitOrder> submits = new ArrayList<>();
  private final LongMap<Boolean> ordered = new LongMap<>();
  private final List<SiteJob> cancels = new ArrayList<>();
  private final List<Timers.Timer> dueNow = new ArrayList<>();
  private long nextToken;

  Round(RunModel model, DecisionContext ctx, boolean cancelling) {
    this.model = model;
    this.topo = model.topo;
    this.ctx = ctx;
    this.now = ctx.now();
    this.cancelling = cancelling;
    this.addedRanks = new BitSet[topo.laneCount()];
    this.nextToken = model.nextTokenNumber();
  }

  /** Whether cancelling applies to this job: the final job runs even in a cancelled run. */
  boolean cancelling(int job) {
    return cancelling && job != topo.finalJob;
  }

  JobState state(int j, int i) {
    JobRow r = changed.get(Topology.key(j, i));
    return r != null ? r.state() : model.state(j, i);
  }

  JobRow row(int j, int i) {
    JobRow r = changed.get(Topology.key(j, i));
    return r != null ? r : model.row(j, i);
  }

  int count(int job, JobState s) {
    return model.tally.count(job, s) + delta.count(job, s);
  }

  long total(JobState s) {
    return model.tally.total(s) + delta.total(s);
  }

  int inFlight() {
    return model.tally.inFlight() + delta.inFlight();
  }

  int inFlightOfCategory(String category) {
    return model.tally.inFlightOfCategory(category) + delta.inFlightOfCategory(category);
  }

  /** The key of the in-flight instance whose attempt has this token, or null. */
  Long keyOfToken(String token) {
    return token == null ? null : model.keyOfToken(token);
  }

  /**
   * Moves an instance on by {@code trigger}: the new row is the old one in the next state, stamped
   * now, then edited; a terminal row gets an end time if the edit gave none.
   *
   * @throws IllegalTransitionException when the life cycle has no such step
   */
  JobRow move(int j, int i, Trigger trigger, Consumer<RowDraft> edit, String detail) {
    JobRow old = row(j, i);
    JobState to = JobLifecycle.next(old.state(), trigger);
    if (to == null) {
      throw new IllegalTransitionException(
          "job "
              + old.instanceId()
              + ": no step from "
              + old.state()
              + " on "
              + trigger.words()
              + "; recent history: "
              + History.describe(model.history.of(old.instanceId(), changes)));
    }
    RowDraft d = new RowDraft(old);
    d.state = to;
    d.updatedAt = now;
    edit.accept(d);
    if (to.isTerminal() && d.endedAt == null) {
      d.endedAt = now;
    }
    JobRow next = d.build();
    long key = Topology.key(j, i);
    changed.put(key, next);
    changes.add(new JobChange(next, old.state(), detail));
    delta.move(j, topo.category[j], old.state(), old.site(), to, next.site());
    if (RunModel.isTimed(next) && !next.retryAt().isAfter(now)) {
      dueNow.add(new Timers.Timer(next.retryAt(), key)); // a zero delay: due in this very round
    }
    if (to == JobState.READY) {
      addedReady.computeIfAbsent(j, k -> new BitSet()).set(i);
      int lane = topo.lane[j];
      if (addedRanks[lane] == null) {
        addedRanks[lane] = new BitSet();
      }
      addedRanks[lane].set(topo.rank[j]);
    }
    return next;
  }

  /** The model's timers due now, then those set in this round that are due already. */
  List<Timers.Timer> dueTimers() {
    List<Timers.Timer> out = new ArrayList<>(model.timers.dueBy(now));
    out.addAll(dueNow);
    return out;
  }

  /** The instances made ready in this round, or null. */
  BitSet addedReady(int job) {
    return addedReady.get(job);
  }

  /** The ranks of a lane's jobs with instances made ready in this round, or null. */
  BitSet addedRanks(int lane) {
    return addedRanks[lane];
  }

  String newToken() {
    return model.tokenPrefix() + nextToken++;
  }

  /** Orders the submission of the instance's current attempt, once per round. */
  void submit(int j, int i) {
    if (ordered.put(Topology.key(j, i), Boolean.TRUE) == null) {
      submits.add(new SubmitOrder(row(j, i), topo.jobs[j]));
    }
  }

  void cancelAtSite(JobRow row) {
    cancels.add(new SiteJob(row.site(), row.nativeId(), row.token()));
  }

  /** The rows with attempts behind them that are not terminal, as of now in the round. */
  List<JobRow> liveRows() {
    List<JobRow> out = new ArrayList<>();
    for (JobRow r : changed.values()) {
      if (!r.state().isTerminal() && r.attempt() > 0) {
        out.add(r);
      }
    }
    model
        .liveRows()
        .forEach(
            (key, r) -> {
              if (!changed.containsKey(key)) {
                out.add(r);
              }
            });
    return out;
  }

  boolean isOver() {
    return RunModel.terminal(model.tally) + RunModel.terminal(delta) == topo.total;
  }

  Outcome outcome() {
    RunState end = isOver() ? model.stateOf(true, total(JobState.SUCCEEDED), cancelling) : null;
    return new Outcome(changes, submits, cancels, end, cancelling);
  }
}
