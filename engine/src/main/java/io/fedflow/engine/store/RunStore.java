package io.fedflow.engine.store;

import io.fedflow.dag.plan.Plan;
import io.fedflow.dag.plan.PlannedJob;
import io.fedflow.engine.EngineException;
import io.fedflow.engine.JobChange;
import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import io.fedflow.engine.RunRecord;
import io.fedflow.engine.RunState;
import io.fedflow.engine.RunUsage;
import io.fedflow.engine.site.SitesSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs and their journals in the engine's database. A run is one row (its workflow, parameters,
 * state and counts); its job instances are not stored one by one: the run's plan names them, and
 * its journal, appended to once per round, holds every change. Reading a run's jobs folds its
 * journal, an instance without a change being WAITING. Every write is one transaction: it is all on
 * disk when the method returns, or none of it is. Safe to call from several threads; calls are
 * serialised on the one connection.
 */
public final class RunStore {
  private final Database database;
  private final Clock clock;
  private final RunWriter writer;
  private final RunReader reader;
  private final RunPlans plans = new RunPlans();

  /** What the next append to a run needs: its plan, its next entry number and its counts. */
  private record Tail(Positions positions, long nextEntry, Counts counts) {}

  private final Map<String, Tail> tails = new HashMap<>();

  /**
   * @param clock the time recorded when a run ends
   */
  public RunStore(Database database, Clock clock) {
    this.database = database;
    this.clock = clock;
    this.writer = new RunWriter(database.connection());
    this.reader = new RunReader(database.connection());
  }

  /**
   * Records a new run of {@code plan}, every instance waiting: nothing is written per instance.
   *
   * @param plan the run's workflow planned with its parameters, as {@link #plan} makes it again
   */
  public synchronized void createRun(RunRecord run, Plan plan) {
    createRun(run, plan, null);
  }

  /**
   * As {@link #createRun(RunRecord, Plan)}, with the sites file the run uses, in the same
   * transaction.
   *
   * @param sites null when the run uses the engine's own sites
   */
  public synchronized void createRun(RunRecord run, Plan plan, SitesSource sites) {
    write(
        "cannot record run " + run.id(),
        () -> {
          writer.insertRun(run, plan.instanceCount());
          if (sites != null) {
            RunSites.put(database.connection(), run.id(), sites);
          }
        });
    plans.keep(run, plan);
  }

  /** The sites file the run uses, or empty when it uses the engine's own sites. */
  public synchronized Optional<SitesSource> sites(String runId) {
    return read(() -> RunSites.get(database.connection(), runId));
  }

  /** Records {@code sites} as the run's sites file from now on, in place of the one it had. */
  public synchronized void replaceSites(String runId, SitesSource sites) {
    write(
        "cannot record the sites of run " + runId,
        () -> RunSites.put(database.connection(), runId, sites));
  }

  /**
   * The run's plan: its recorded workflow planned with its recorded parameters.
   *
   * @throws EngineException when the recorded workflow cannot be planned
   */
  public synchronized Plan plan(RunRecord run) {
    return plans.of(run).plan;
  }

  /**
   * Records one round of decisions: its changes as entries of the run's journal, in the order
   * given, with the run's counts after them; and the run's new state when not null (its end time is
   * set when the state is terminal).
   *
   * @throws EngineException when a change names an instance the run does not have; nothing of the
   *     round is recorded then
   */
  public synchronized void apply(String runId, List<JobChange> changes, RunState newRunState) {
    Tail[] after = new Tail[1];
    write(
        "cannot record changes of run " + runId,
        () -> {
          Tail tail = tail(runId);
          if (!changes.isEmpty()) {
            Counts counts = tail.counts().copy();
            for (JobChange c : changes) {
              counts.move(c.from(), c.row().state());
            }
            long next = writer.append(runId, tail.positions(), changes, tail.nextEntry(), counts);
            after[0] = new Tail(tail.positions(), next, counts);
          }
          if (newRunState != null) {
            writer.setRunState(runId, newRunState, clock.instant());
          }
        });
    if (after[0] != null) {
      tails.put(runId, after[0]);
    }
  }

  private Tail tail(String runId) throws SQLException {
    Tail t = tails.get(runId);
    if (t == null) {
      Counts counts = reader.counts(runId);
      if (counts == null) {
        throw new EngineException("no run " + runId);
      }
      t = new Tail(positions(runId), reader.lastEntry(runId) + 1, counts);
      tails.put(runId, t);
    }
    return t;
  }

  /**
   * Records that the run is to be cancelled; the process following it does the cancelling.
   *
   * @return false when the run had already ended
   * @throws EngineException when there is no such run
   */
  public synchronized boolean requestCancel(String runId) {
    boolean[] recorded = new boolean[1];
    write("cannot cancel run " + runId, () -> recorded[0] = writer.requestCancel(runId));
    if (!recorded[0]) {
      cancelRequested(runId); // throws when there is no such run
    }
    return recorded[0];
  }

  /**
   * @throws EngineException when there is no such run
   */
  public synchronized boolean cancelRequested(String runId) {
    Boolean requested = read(() -> reader.cancelRequested(runId));
    if (requested == null) {
      throw new EngineException("no run " + runId);
    }
    return requested;
  }

  public synchronized Optional<RunRecord> run(String runId) {
    return read(() -> reader.runs("id = ?", runId, "id")).stream().findFirst();
  }

  /** Every run, newest first. */
  public synchronized List<RunRecord> runs() {
    return read(() -> reader.runs("TRUE", null, "created_at DESC, id DESC"));
  }

  /** The runs still RUNNING, oldest first: those to resume. */
  public synchronized List<RunRecord> unfinishedRuns() {
    return read(
        () -> reader.runs("state = '" + RunState.RUNNING.name() + "'", null, "created_at, id"));
  }

  /**
   * The run's job instances in plan order, waiting ones included.
   *
   * @throws EngineException when there is no such run
   */
  public synchronized List<JobRow> jobs(String runId) {
    List<JobRow> jobs = new ArrayList<>();
    forEachJob(runId, jobs::add);
    return jobs;
  }

  /** Streams the run's job instances in plan order, waiting ones included. */
  public synchronized void forEachJob(String runId, Consumer<JobRow> action) {
    Folded f = fold(runId);
    Positions p = f.positions;
    long position = 0;
    for (PlannedJob job : p.jobs) {
      for (long i = 0; i < job.size(); i++, position++) {
        StoredChange c = f.last[(int) position];
        action.accept(
            c == null
                ? JobRow.waiting(job.instanceId(i), job.id(), i, p.createdAt)
                : c.row(job.instanceId(i), job.id(), i));
      }
    }
  }

  /**
   * The rows of the run's instances that have changed since the run was created, in plan order:
   * what a follow rebuilds its model from (every other instance is waiting), under the run's lock.
   */
  public synchronized List<JobRow> changedJobs(String runId) {
    tails.remove(runId); // another process may have appended since: read the tail afresh
    Folded f = fold(runId);
    List<JobRow> out = new ArrayList<>();
    for (int position = 0; position < f.last.length; position++) {
      StoredChange c = f.last[position];
      if (c != null) {
        PlannedJob job = f.positions.jobs[f.positions.jobAt(position)];
        long i = f.positions.indexAt(f.positions.jobAt(position), position);
        out.add(c.row(job.instanceId(i), job.id(), i));
      }
    }
    return out;
  }

  /** How many of the run's instances are in each state; states without any are left out. */
  public synchronized Map<JobState, Long> counts(String runId) {
    Counts c = read(() -> reader.counts(runId));
    if (c == null) {
      throw new EngineException("no run " + runId);
    }
    return c.toMap();
  }

  /** The attempts of one instance, first to last. */
  public synchronized List<Attempt> attempts(String runId, String instanceId) {
    return history(runId, instanceId).attempts();
  }

  /** The energy and billing of the run's ended attempts, summed; read from the whole journal. */
  public synchronized RunUsage usage(String runId) {
    UsageSum sum = new UsageSum();
    read(
        () -> {
          reader.forEachChange(runId, sum::add);
          return null;
        });
    return sum.total();
  }

  /** The recorded transitions of one instance, oldest first. */
  public synchronized List<JobEvent> events(String runId, String instanceId) {
    return history(runId, instanceId).events();
  }

  private InstanceHistory history(String runId, String instanceId) {
    List<StoredChange> changes = new ArrayList<>();
    read(
        () -> {
          long position = positions(runId).find(instanceId);
          if (position >= 0) {
            reader.forEachChange(
                runId,
                c -> {
                  if (c.position() == position) {
                    changes.add(c);
                  }
                });
          }
          return null;
        });
    return new InstanceHistory(runId, instanceId, changes);
  }

  /** The run's plan, planned again only when not kept: its workflow may be large. */
  private Positions positions(String runId) throws SQLException {
    Positions p = plans.kept(runId);
    if (p == null) {
      List<RunRecord> run = reader.runs("id = ?", runId, "id");
      if (run.isEmpty()) {
        throw new EngineException("no run " + runId);
      }
      p = plans.of(run.get(0));
    }
    return p;
  }

  /** A run's journal folded: the last change of each instance, by position. */
  private record Folded(Positions positions, StoredChange[] last) {}

  private Folded fold(String runId) {
    return read(
        () -> {
          Positions p = positions(runId);
          StoredChange[] last = new StoredChange[Math.toIntExact(p.total)];
          reader.forEachChange(
              runId,
              c -> {
                if (!p.contains(c.position())) {
                  throw new EngineException(
                      "run "
                          + runId
                          + ": its journal names an instance its workflow does not have");
                }
                last[(int) c.position()] = c;
              });
          return new Folded(p, last);
        });
  }

  private interface SqlWrite {
    void run() throws SQLException;
  }

  private interface SqlRead<T> {
    T run() throws SQLException;
  }

  private void write(String failure, SqlWrite work) {
    Connection connection = database.connection();
    try {
      work.run();
      connection.commit();
    } catch (SQLException e) {
      rollback(connection);
      throw new EngineException(failure + ": " + Database.describe(e), e);
    } catch (RuntimeException e) {
      rollback(connection);
      throw e;
    }
  }

  private <T> T read(SqlRead<T> work) {
    Connection connection = database.connection();
    try {
      T result = work.run();
      connection.commit(); // ends the read's snapshot, so the next read sees other sessions' work
      return result;
    } catch (SQLException e) {
      rollback(connection);
      throw new EngineException("cannot read database: " + Database.describe(e), e);
    } catch (RuntimeException e) {
      rollback(connection);
      throw e;
    }
  }

  private void rollback(Connection connection) {
    writer.clearBatches();
    try {
      connection.rollback();
    } catch (SQLException e) {
      throw new EngineException(
          "cannot roll back database " + database.file() + ": " + Database.describe(e), e);
    }
  }
}
