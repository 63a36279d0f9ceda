package io.fedflow.engine.store;

import static io.fedflow.engine.store.SqlValues.setInstant;
import static io.fedflow.engine.store.SqlValues.setInteger;

import io.fedflow.engine.EngineException;
import io.fedflow.engine.JobChange;
import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import io.fedflow.engine.RunRecord;
import io.fedflow.engine.RunState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The statements that change a run, as JDBC batches of prepared statements reused across calls. The
 * caller owns the transaction: nothing here commits.
 */
final class RunWriter {
  /** Rows per executeBatch: large enough to amortise the call, small enough to bound memory. */
  static final int BATCH = 4096;

  /** The states in which an attempt is in the site's hands. */
  private static final Set<JobState> LIVE =
      EnumSet.of(JobState.SUBMITTING, JobState.QUEUED, JobState.RUNNING, JobState.UNKNOWN);

  private final Connection connection;
  private final Map<String, PreparedStatement> statements = new LinkedHashMap<>();

  RunWriter(Connection connection) {
    this.connection = connection;
  }

  void insertRun(RunRecord run, Iterator<JobRow> jobs) throws SQLException {
    PreparedStatement insert =
        statement(
            "INSERT INTO runs (id, workflow_name, workflow_file, workflow_yaml, state, run_dir,"
                + " created_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    insert.setString(1, run.id());
    insert.setString(2, run.workflowName());
    insert.setString(3, run.workflowFile());
    insert.setString(4, run.workflowYaml());
    insert.setString(5, run.state().name());
    insert.setString(6, run.runDir());
    setInstant(insert, 7, run.createdAt());
    setInstant(insert, 8, run.endedAt());
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

    PreparedStatement job =
        statement(
            "INSERT INTO jobs (run_id, pos, instance_id, job, idx, state, attempt, site_faults,"
                + " token, site, native_id, exit_code, retry_at, started_at, ended_at, updated_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    long pos = 0;
    while (jobs.hasNext()) {
      JobRow row = jobs.next();
      job.setString(1, run.id());
      job.setLong(2, pos++);
      job.setString(3, row.instanceId());
      job.setString(4, row.job());
      job.setLong(5, row.index());
      bindState(job, 6, row);
      job.addBatch();
      if (pos % BATCH == 0) {
        job.executeBatch();
      }
    }
    job.executeBatch();
  }

  /**
   * Records changes in order: each job row takes its last value, each change is one event, and an
   * attempt is opened when a job goes SUBMITTING and closed when it leaves the site's hands.
   */
  void apply(String runId, List<JobChange> changes) throws SQLException {
    updateJobs(runId, changes);
    recordAttempts(runId, changes);
    appendEvents(runId, changes);
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

  private void updateJobs(String runId, List<JobChange> changes) throws SQLException {
    // Several changes of one instance in a round: only the last value needs writing.
    Map<String, JobRow> last = new LinkedHashMap<>();
    for (JobChange change : changes) {
      last.put(change.row().instanceId(), change.row());
    }
    PreparedStatement update =
        statement(
            "UPDATE jobs SET state = ?, attempt = ?, site_faults = ?, token = ?, site = ?,"
                + " native_id = ?, exit_code = ?, retry_at = ?, started_at = ?, ended_at = ?,"
                + " updated_at = ? WHERE run_id = ? AND instance_id = ?");
    List<String> batch = new ArrayList<>(Math.min(BATCH, last.size()));
    for (JobRow row : last.values()) {
      bindState(update, 1, row);
      update.setString(12, runId);
      update.setString(13, row.instanceId());
      update.addBatch();
      batch.add(row.instanceId());
      if (batch.size() == BATCH) {
        checkUpdated(runId, update.executeBatch(), batch);
        batch.clear();
      }
    }
    checkUpdated(runId, update.executeBatch(), batch);
  }

  private static void checkUpdated(String runId, int[] counts, List<String> instances) {
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] == 0) {
        throw new EngineException("run " + runId + " has no job instance " + instances.get(i));
      }
    }
  }

  private void recordAttempts(String runId, List<JobChange> changes) throws SQLException {
    PreparedStatement open =
        statement(
            "MERGE INTO attempts (run_id, instance_id, attempt, token, site, native_id, outcome,"
                + " exit_code, submitted_at, started_at, ended_at, reason)"
                + " KEY (run_id, instance_id, attempt)"
                + " VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, ?, NULL, NULL, ?)");
    PreparedStatement close =
        statement(
            "UPDATE attempts SET site = ?, native_id = ?, outcome = ?, exit_code = ?,"
                + " started_at = ?, ended_at = ?, reason = ?"
                + " WHERE run_id = ? AND instance_id = ? AND attempt = ?");
    int opened = 0;
    int closed = 0;
    for (JobChange change : changes) {
      JobRow row = change.row();
      if (row.token() == null) {
        continue;
      }
      if (row.state() == JobState.SUBMITTING && change.from() != JobState.SUBMITTING) {
        open.setString(1, runId);
        open.setString(2, row.instanceId());
        open.setInt(3, row.attempt());
        open.setString(4, row.token());
        open.setString(5, row.site());
        open.setString(6, row.nativeId());
        setInstant(open, 7, row.updatedAt());
        open.setString(8, change.detail());
        open.addBatch();
        opened++;
      } else if (LIVE.contains(change.from()) && !LIVE.contains(row.state())) {
        JobState outcome = row.state() == JobState.RETRY_WAIT ? JobState.FAILED : row.state();
        close.setString(1, row.site());
        close.setString(2, row.nativeId());
        close.setString(3, outcome.name());
        setInteger(close, 4, row.exitCode());
        setInstant(close, 5, row.startedAt());
        setInstant(close, 6, row.endedAt() == null ? row.updatedAt() : row.endedAt());
        close.setString(7, change.detail());
        close.setString(8, runId);
        close.setString(9, row.instanceId());
        close.setInt(10, row.attempt());
        close.addBatch();
        closed++;
      }
      // An attempt closed before it is opened in the same round would miss its row: flush both.
      if (opened + closed >= BATCH) {
        open.executeBatch();
        close.executeBatch();
        opened = 0;
        closed = 0;
      }
    }
    open.executeBatch();
    close.executeBatch();
  }

  private void appendEvents(String runId, List<JobChange> changes) throws SQLException {
    PreparedStatement insert =
        statement(
            "INSERT INTO events (run_id, instance_id, at, from_state, to_state, detail)"
                + " VALUES (?, ?, ?, ?, ?, ?)");
    int pending = 0;
    for (JobChange change : changes) {
      insert.setString(1, runId);
      insert.setString(2, change.row().instanceId());
      setInstant(insert, 3, change.row().updatedAt());
      insert.setString(4, change.from().name());
      insert.setString(5, change.row().state().name());
      insert.setString(6, change.detail());
      insert.addBatch();
      if (++pending == BATCH) {
        insert.executeBatch();
        pending = 0;
      }
    }
    insert.executeBatch();
  }

  /**
   * Binds state, attempt, site_faults, token, site, native_id, exit_code and the four instants from
   * first.
   */
  private static void bindState(PreparedStatement statement, int first, JobRow row)
      throws SQLException {
    statement.setString(first, row.state().name());
    statement.setInt(first + 1, row.attempt());
    statement.setInt(first + 2, row.siteFaults());
    statement.setString(first + 3, row.token());
    statement.setString(first + 4, row.site());
    statement.setString(first + 5, row.nativeId());
    setInteger(statement, first + 6, row.exitCode());
    setInstant(statement, first + 7, row.retryAt());
    setInstant(statement, first + 8, row.startedAt());
    setInstant(statement, first + 9, row.endedAt());
    setInstant(statement, first + 10, row.updatedAt());
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
