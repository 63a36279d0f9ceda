package io.fedflow.engine.core;

import io.fedflow.dag.plan.Plan;
import io.fedflow.engine.EngineException;
import io.fedflow.engine.JobChange;
import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import io.fedflow.engine.RunState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The in-memory mirror of one run: the state of every job instance, in a byte per instance, with
 * the counts, the ready queue and the timers kept up to date. Only instances with attempts behind
 * them keep their whole row. It changes only by {@link #apply(Outcome)}, called with what the store
 * has just committed, so it never disagrees with the database. Not thread-safe: one executor thread
 * owns it.
 */
public final class RunModel {
  private static final JobState[] STATES = JobState.values();
  private static final int HISTORY = 1024;

  final Topology topo;
  final Tally tally;
  final ReadyQueue ready;
  final Timers timers = new Timers();
  final History history = new History(HISTORY);
  private final String runId;
  private final String tokenPrefix;
  private final byte[][] states;
  private final LongMap<JobRow> live = new LongMap<>();

  /** The key of each instance in flight, by its token's number. */
  private final LongMap<Long> keyByToken = new LongMap<>();

  private long nextToken = 1;
  private boolean cancelRequested;
  private boolean startupCheckPending = true;

  private RunModel(Plan plan, String runId, boolean cancelRequested) {
    this.topo = new Topology(plan);
    this.runId = runId;
    this.tokenPrefix = runId + ".";
    this.cancelRequested = cancelRequested;
    tally = Tally.dense(topo.jobCount());
    ready = new ReadyQueue(topo);
    states = new byte[topo.jobCount()][];
    for (int j = 0; j < states.length; j++) {
      states[j] = new byte[topo.size[j]]; // all 0: WAITING
      tally.add(j, topo.category[j], JobState.WAITING, null, topo.size[j]);
    }
  }

  /**
   * The model of a run from its stored rows; an instance without a row is waiting.
   *
   * @param cancelRequested whether a cancel of the run has been recorded
   * @throws EngineException when a row does not fit the plan (a job it does not have, a token of
   *     another run): the database does not belong to this workflow
   */
  public static RunModel of(
      Plan plan, String runId, Collection<JobRow> rows, boolean cancelRequested) {
    RunModel m = new RunModel(plan, runId, cancelRequested);
    for (JobRow row : rows) {
      m.place(row);
    }
    return m;
  }

  /** The model of a new run: every instance waiting. */
  public static RunModel fresh(Plan plan, String runId) {
    return of(plan, runId, List.of(), false);
  }

  /**
   * Applies a decided outcome once the store has committed it.
   *
   * @throws IllegalTransitionException when a change does not start from the instance's state here
   *     or is not a step of the job life cycle
   */
  public void apply(Outcome outcome) {
    for (JobChange c : outcome.changes()) {
      apply(c);
    }
    cancelRequested |= outcome.cancelling();
    startupCheckPending = false;
  }

  private void apply(JobChange c) {
    int j = jobNumber(c.row());
    int i = index(c.row(), j);
    JobState now = state(j, i);
    JobState to = c.row().state();
    if (c.from() != now || !JobLifecycle.allows(now, to)) {
      String what =
          c.from() != now
              ? "a change from " + c.from() + " to " + to + " but the job is " + now
              : "no step from " + now + " to " + to;
      throw new IllegalTransitionException(
          "job "
              + c.row().instanceId()
              + ": "
              + what
              + "; recent history: "
              + History.describe(history.of(c.row().instanceId(), List.of())));
    }
    set(j, i, c.row());
    history.add(c);
  }

  private void place(JobRow row) {
    int j = jobNumber(row);
    set(j, index(row, j), row);
  }

  private int jobNumber(JobRow row) {
    int j = topo.number(row.job());
    if (j < 0) {
      throw new EngineException(
          "run " + runId + " has a job '" + row.job() + "' that its workflow does not have");
    }
    return j;
  }

  private int index(JobRow row, int j) {
    if (row.index() < 0 || row.index() >= topo.size[j]) {
      throw new EngineException(
          "run "
              + runId
              + " has an instance "
              + row.instanceId()
              + " that its workflow does not have");
    }
    return (int) row.index();
  }

  private void set(int j, int i, JobRow next) {
    long key = Topology.key(j, i);
    JobState from = state(j, i);
    JobRow old = live.get(key);
    JobState to = next.state();
    if (Tally.inFlight(to) && next.token() == null) {
      throw new EngineException("job " + next.instanceId() + " is " + to + " without a token");
    }
    tally.move(j, topo.category[j], from, old == null ? null : old.site(), to, next.site());
    states[j][i] = (byte) to.ordinal();
    if (from == JobState.READY) {
      ready.remove(j, i);
    }
    if (to == JobState.READY) {
      ready.add(j, i);
    }
    if (old != null && isTimed(old)) {
      timers.remove(old.retryAt(), key);
    }
    if (isTimed(next)) {
      if (next.retryAt() == null) {
        throw new EngineException("job " + next.instanceId() + " waits to retry without a time");
      }
      timers.add(next.retryAt(), key);
    }
    if (old != null && Tally.inFlight(old.state())) {
      keyByToken.remove(tokenNumber(old));
    }
    if (Tally.inFlight(to)) {
      keyByToken.put(tokenNumber(next), key);
    }
    if (!to.isTerminal() && next.attempt() > 0) {
      live.put(key, next);
    } else {
      live.remove(key);
    }
    if (next.token() != null && (old == null || !next.token().equals(old.token()))) {
      nextToken = Math.max(nextToken, tokenNumber(next) + 1);
    }
  }

  /** Whether the row waits on a timer: a retry, or a submission deferred after a failure. */
  static boolean isTimed(JobRow row) {
    return row.state() == JobState.RETRY_WAIT
        || (row.state() == JobState.SUBMITTING && row.retryAt() != null);
  }

  private long tokenNumber(JobRow row) {
    String t = row.token();
    long n = Tokens.number(t, tokenPrefix);
    if (n >= 0) {
      return n;
    }
    throw new EngineException(
        "job " + row.instanceId() + " has the token '" + t + "', which is not one of run " + runId);
  }

  JobState state(int j, int i) {
    return STATES[states[j][i]];
  }

  /** The instance's row: kept while it has attempts behind it, else made from its state. */
  JobRow row(int j, int i) {
    JobRow r = live.get(Topology.key(j, i));
    if (r != null) {
      return r;
    }
    return JobRow.unattempted(topo.jobs[j].instanceId(i), topo.jobs[j].id(), i, state(j, i), null);
  }

  /** The key of the in-flight instance whose current attempt has this token, or null. */
  Long keyOfToken(String token) {
    long n = Tokens.trailingNumber(token);
    Long key = n < 0 ? null : keyByToken.get(n);
    if (key == null) {
      return null;
    }
    // Another run's "x.1", or "r.01" beside "r.1", has the same number: the token must match
    JobRow row = live.get(key);
    return row != null && token.equals(row.token()) ? key : null;
  }

  /** Rows with attempts behind them and not ended, by key. Not to be changed. */
  LongMap<JobRow> liveRows() {
    return live;
  }

  String tokenPrefix() {
    return tokenPrefix;
  }

  long nextTokenNumber() {
    return nextToken;
  }

  /** True until the first outcome is applied: the first round looks at every waiting instance. */
  boolean startupCheckPending() {
    return startupCheckPending;
  }

  public String runId() {
    return runId;
  }

  public Plan plan() {
    return topo.plan;
  }

  /** How many job instances the run has. */
  public long total() {
    return topo.total;
  }

  public long count(JobState s) {
    return tally.total(s);
  }

  /** How many instances are in each state (every state present). */
  public Map<JobState, Long> counts() {
    Map<JobState, Long> out = new EnumMap<>(JobState.class);
    for (JobState s : STATES) {
      out.put(s, tally.total(s));
    }
    return out;
  }

  /** Instances submitting, queued, running or unknown: what the throttles count. */
  public int inFlight() {
    return tally.inFlight();
  }

  public Map<String, Integer> inFlightByCategory() {
    return withoutZeros(tally.inFlightByCategory());
  }

  public Map<String, Integer> inFlightBySite() {
    return withoutZeros(tally.inFlightBySite());
  }

  private static Map<String, Integer> withoutZeros(Map<String, Integer> counts) {
    Map<String, Integer> out = new HashMap<>();
    counts.forEach(
        (k, v) -> {
          if (v != 0) {
            out.put(k, v);
          }
        });
    return out;
  }

  /**
   * The rows of the instances in flight: those QUEUED, RUNNING or UNKNOWN to poll, those SUBMITTING
   * to look up by token after a restart.
   */
  public List<JobRow> inFlightRows() {
    List<JobRow> out = new ArrayList<>(tally.inFlight());
    for (JobRow r : live.values()) {
      if (Tally.inFlight(r.state())) {
        out.add(r);
      }
    }
    return out;
  }

  /** The in-flight row whose current attempt has this token. */
  public Optional<JobRow> rowOfToken(String token) {
    Long key = keyOfToken(token);
    return key == null ? Optional.empty() : Optional.of(live.get(key));
  }

  /** The ids of at most {@code limit} instances running now, for a live display. */
  public List<String> running(int limit) {
    List<String> out = new ArrayList<>();
    for (JobRow r : live.values()) {
      if (out.size() >= limit) {
        break;
      }
      if (r.state() == JobState.RUNNING) {
        out.add(r.instanceId());
      }
    }
    return out;
  }

  /** When the next retry or deferred submission is due: decide again then, with a tick. */
  public Optional<Instant> nextWakeUp() {
    return timers.first();
  }

  public boolean cancelRequested() {
    return cancelRequested;
  }

  /** Whether every instance is in a terminal state. */
  public boolean isOver() {
    return terminal(tally) == topo.total;
  }

  static long terminal(Tally t) {
    return t.total(JobState.SUCCEEDED)
        + t.total(JobState.FAILED)
        + t.total(JobState.CANCELLED)
        + t.total(JobState.SKIPPED);
  }

  /**
   * RUNNING until every instance is terminal; then SUCCEEDED when every one (the final job's too)
   * succeeded, CANCELLED when a cancel was requested, else FAILED.
   */
  public RunState state() {
    return stateOf(isOver(), tally.total(JobState.SUCCEEDED), cancelRequested);
  }

  RunState stateOf(boolean over, long succeeded, boolean cancelled) {
    if (!over) {
      return RunState.RUNNING;
    }
    if (succeeded == topo.total) {
      return RunState.SUCCEEDED;
    }
    return cancelled ? RunState.CANCELLED : RunState.FAILED;
  }
}
