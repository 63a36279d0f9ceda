package io.fedflow.engine.store;

import io.fedflow.engine.EngineException;
import io.fedflow.engine.JobChange;
import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import io.fedflow.engine.RunRecord;
import io.fedflow.engine.RunState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs, their job instances, attempts and event log, in the engine's database. Every write is one
 * transaction: it is all on disk when the method returns, or none of it is. Safe to call from
 * several threads; calls are serialised on the one connection.
 */
public final class RunStore {
  private final Database database;
  private final Clock clock;
  private final RunWriter writer;
  private final RunReader reader;

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
   * Records a new run with all its job instances, in the order given, which {@link #jobs} keeps.
   * The instances are read one by one and written in batches, so a large fan-out need not be held
   * in memory.
   */
  public synchronized void createRun(RunRecord run, Iterator<JobRow> jobs) {
    write("cannot record run " + run.id(), () -> writer.insertRun(run, jobs));
  }

  /**
   * Records one round of decisions: each change's new job row, the attempt it opens or closes, one
   * event per change in the order given; and the run's new state when not null (its end time is set
   * when the state is terminal).
   *
   * @throws EngineException when a change names an instance the run does not have; nothing of the
   *     round is recorded then
   */
  public synchronized void apply(String runId, List<JobChange> changes, RunState newRunState) {
    write(
        "cannot record changes of run " + runId,
        () -> {
          writer.apply(runId, changes);
          if (newRunState != null) {
            writer.setRunState(runId, newRunState, clock.instant());
          }
        });
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

  /** The run's job instances in the order the run was created with. */
  public synchronized List<JobRow> jobs(String runId) {
    List<JobRow> jobs = new ArrayList<>();
    forEachJob(runId, jobs::add);
    return jobs;
  }

  /** Streams the run's job instances in the order the run was created with, without a list. */
  public synchronized void forEachJob(String runId, Consumer<JobRow> action) {
    read(
        () -> {
          reader.forEachJob(runId, action);
          return null;
        });
  }

  /** How many of the run's instances are in each state; states without any are left out. */
  public synchronized Map<JobState, Long> counts(String runId) {
    return read(() -> reader.counts(runId));
  }

  /** The attempts of one instance, first to last. */
  public synchronized List<Attempt> attempts(String runId, String instanceId) {
    return read(() -> reader.attempts(runId, instanceId));
  }

  /** The recorded transitions of one instance, oldest first. */
  public synchronized List<JobEvent> events(String runId, String instanceId) {
    return read(() -> reader.events(runId, instanceId));
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
