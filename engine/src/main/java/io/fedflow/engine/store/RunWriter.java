package io.fedflow.engine.store;

import static io.fedflow.engine.store.SqlValues.setInstant;

import io.fedflow.engine.EngineException;
import io.fedflow.engine.JobChange;
import io.fedflow.engine.JobRow;
import io.fedflow.engine.RunRecord;
import io.fedflow.engine.RunState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statements that change a run, prepared once and reused. The caller owns the transaction:
 * nothing here commits.
 */
final class RunWriter {
  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new LinkedHashMap<>();

  RunWriter(Connection connection) {
    this.connection = connection;
  }

  void insertRun(RunRecord run, long jobs) throws SQLException {
    PreparedStatement insert =
        statement(
            "INSERT INTO runs (id, workflow_name, workflow_file, workflow_yaml, state, run_dir,"
                + " created_at, ended_at, jobs_total, counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " '')");
    insert.setString(1, run.id());
    insert.setString(2, run.workflowName());
    insert.setString(3, run.workflowFile());
    insert.setString(4, run.workflowYaml());
    insert.setString(5, run.state().name());
    insert.setString(6, run.runDir());
    setInstant(insert, 7, run.createdAt());
    setInstant(insert, 8, run.endedAt());
    insert.setLong(9, jobs);
    insert.executeUpdate();

    PreparedStatement params =
        statement("INSERT INTO run_params (run_id, param_name, param_value) VALUES (?, ?, ?)");
    for (Map.Entry<String, String> p : run.params().entrySet()) {
      params.setString(1, run.id());
      params.setString(2, p.getKey());
      params.setString(3, p.getValue());
      params.addBatch();
    }
    params.executeBatch();
  }

  /**
   * Appends the changes to the run's journal as entries numbered from {@code seq} on, and records
   * the run's counts after them.
   *
   * @return the number of the next entry
   */
  long append(String runId, Positions positions, List<JobChange> changes, long seq, Counts counts)
      throws SQLException {
    ChangeEncoder encoder = new ChangeEncoder(runId);
    for (JobChange change : changes) {
      JobRow row = change.row();
      long position = positions.of(row.job(), row.index());
      if (position < 0) {
        throw new EngineException("run " + runId + " has no job instance " + row.instanceId());
      }
      encoder.add(position, change.from(), row, change.detail());
    }
    PreparedStatement insert =
        statement("INSERT INTO journal (run_id, seq, body) VALUES (?, ?, ?)");
    long next = seq;
    for (byte[] entry : encoder.take()) {
      insert.setString(1, runId);
      insert.setLong(2, next++);
      insert.setBytes(3, entry);
      insert.executeUpdate();
    }
    PreparedStatement update = statement("UPDATE runs SET counts = ? WHERE id = ?");
    update.setString(1, counts.text());
    update.setString(2, runId);
    if (update.executeUpdate() == 0) {
      throw new EngineException("no run " + runId);
    }
    return next;
  }

  void setRunState(String runId, RunState state, Instant now) throws SQLException {
    PreparedStatement update = statement("UPDATE runs SET state = ?, ended_at = ? WHERE id = ?");
    update.setString(1, state.name());
    setInstant(update, 2, state.isTerminal() ? now : null);
    update.setString(3, runId);
    if (update.executeUpdate() == 0) {
      throw new EngineException("no run " + runId);
    }
  }

  /** Returns false when the run has already ended: there is nothing left to cancel. */
  boolean requestCancel(String runId) throws SQLException {
    PreparedStatement update =
        statement(
            "UPDATE runs SET cancel_requested = TRUE WHERE id = ? AND state = '"
                + RunState.RUNNING.name()
                + "'");
    update.setString(1, runId);
    return update.executeUpdate() == 1;
  }

  /** Drops what a failed call left in the batches, so the next call starts clean. */
  void clearBatches() {
    for (PreparedStatement statement : statements.values()) {
      try {
        statement.clearBatch();
      } catch (SQLException e) {
        // a statement that cannot be cleared is closed: it will hold nothing
      }
    }
  }

  private PreparedStatement statement(String sql) throws SQLException {
    PreparedStatement statement = statements.get(sql);
    if (statement == null || statement.isClosed()) {
      statement = connection.prepareStatement(sql);
      statements.put(sql, statement);
    }
    return statement;
  }
}
