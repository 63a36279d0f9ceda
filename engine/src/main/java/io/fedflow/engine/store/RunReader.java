package io.fedflow.engine.store;

import static io.fedflow.engine.store.SqlValues.enumValue;
import static io.fedflow.engine.store.SqlValues.instant;
import static io.fedflow.engine.store.SqlValues.integer;

import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import io.fedflow.engine.RunRecord;
import io.fedflow.engine.RunState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The queries that read runs, jobs, attempts and events back into their records. */
final class RunReader {
  private static final String RUN_COLUMNS =
      "SELECT id, workflow_name, workflow_file, workflow_yaml, state, run_dir, created_at,"
          + " ended_at FROM runs ";

  private final Connection connection;

  RunReader(Connection connection) {
    this.connection = connection;
  }

  /**
   * The runs that meet {@code condition} (on the columns of runs, with {@code ?} bound to {@code
   * argument}), in {@code order}.
   */
  List<RunRecord> runs(String condition, String argument, String order) throws SQLException {
    Map<String, Map<String, String>> params = new HashMap<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT run_id, param_name, param_value FROM run_params JOIN runs ON id = run_id"
                + " WHERE "
                + condition)) {
      bind(query, argument);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          params
              .computeIfAbsent(rows.getString(1), id -> new HashMap<>())
              .put(rows.getString(2), rows.getString(3));
        }
      }
    }
    List<RunRecord> runs = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(RUN_COLUMNS + "WHERE " + condition + " ORDER BY " + order)) {
      bind(query, argument);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          String id = rows.getString("id");
          runs.add(
              new RunRecord(
                  id,
                  rows.getString("workflow_name"),
                  rows.getString("workflow_file"),
                  rows.getString("workflow_yaml"),
                  params.getOrDefault(id, Map.of()),
                  enumValue(rows, "state", RunState.class),
                  rows.getString("run_dir"),
                  instant(rows, "created_at"),
                  instant(rows, "ended_at")));
        }
      }
    }
    return runs;
  }

  /** Null when there is no such run. */
  Boolean cancelRequested(String runId) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT cancel_requested FROM runs WHERE id = ?")) {
      query.setString(1, runId);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? rows.getBoolean(1) : null;
      }
    }
  }

  void forEachJob(String runId, Consumer<JobRow> action) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT instance_id, job, idx, state, attempt, site_faults, token, site, native_id,"
                + " exit_code, retry_at, started_at, ended_at, updated_at FROM jobs WHERE run_id = ?"
                + " ORDER BY pos")) {
      query.setString(1, runId);
      query.setFetchSize(RunWriter.BATCH);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          action.accept(
              new JobRow(
                  rows.getString(1),
                  rows.getString(2),
                  rows.getLong(3),
                  JobState.valueOf(rows.getString(4)),
                  rows.getInt(5),
                  rows.getInt(6),
                  rows.getString(7),
                  rows.getString(8),
                  rows.getString(9),
                  integer(rows, "exit_code"),
                  instant(rows, "retry_at"),
                  instant(rows, "started_at"),
                  instant(rows, "ended_at"),
                  instant(rows, "updated_at")));
        }
      }
    }
  }

  Map<JobState, Long> counts(String runId) throws SQLException {
    Map<JobState, Long> counts = new EnumMap<>(JobState.class);
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT state, COUNT(*) FROM jobs WHERE run_id = ? GROUP BY state")) {
      query.setString(1, runId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          counts.put(JobState.valueOf(rows.getString(1)), rows.getLong(2));
        }
      }
    }
    return counts;
  }

  List<Attempt> attempts(String runId, String instanceId) throws SQLException {
    List<Attempt> attempts = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT * FROM attempts WHERE run_id = ? AND instance_id = ? ORDER BY attempt")) {
      query.setString(1, runId);
      query.setString(2, instanceId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          attempts.add(
              new Attempt(
                  runId,
                  instanceId,
                  rows.getInt("attempt"),
                  rows.getString("token"),
                  rows.getString("site"),
                  rows.getString("native_id"),
                  enumValue(rows, "outcome", JobState.class),
                  integer(rows, "exit_code"),
                  instant(rows, "submitted_at"),
                  instant(rows, "started_at"),
                  instant(rows, "ended_at"),
                  rows.getString("reason")));
        }
      }
    }
    return attempts;
  }

  List<JobEvent> events(String runId, String instanceId) throws SQLException {
    List<JobEvent> events = new ArrayList<>();
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT seq, at, from_state, to_state, detail FROM events"
                + " WHERE run_id = ? AND instance_id = ? ORDER BY seq")) {
      query.setString(1, runId);
      query.setString(2, instanceId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          events.add(
              new JobEvent(
                  rows.getLong("seq"),
                  runId,
                  instanceId,
                  instant(rows, "at"),
                  enumValue(rows, "from_state", JobState.class),
                  enumValue(rows, "to_state", JobState.class),
                  rows.getString("detail")));
        }
      }
    }
    return events;
  }

  private static void bind(PreparedStatement query, String argument) throws SQLException {
    if (argument != null) {
      query.setString(1, argument);
    }
  }
}
