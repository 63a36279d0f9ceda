package io.fedflow.engine.store;

import static io.fedflow.engine.store.SqlValues.enumValue;
import static io.fedflow.engine.store.SqlValues.instant;

import io.fedflow.engine.RunRecord;
import io.fedflow.engine.RunState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The queries that read runs and their journals back. */
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

  /** The run's counts as recorded with it, or null when there is no such run. */
  Counts counts(String runId) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT jobs_total, counts FROM runs WHERE id = ?")) {
      query.setString(1, runId);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() ? Counts.parse(rows.getLong(1), rows.getString(2)) : null;
      }
    }
  }

  /** The number of the run's last journal entry, 0 when it has none. */
  long lastEntry(String runId) throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement("SELECT COALESCE(MAX(seq), 0) FROM journal WHERE run_id = ?")) {
      query.setString(1, runId);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  /** Hands every change in the run's journal to {@code sink}, oldest first. */
  void forEachChange(String runId, Consumer<StoredChange> sink) throws SQLException {
    ChangeDecoder decoder = new ChangeDecoder(runId);
    try (PreparedStatement query =
        connection.prepareStatement("SELECT body FROM journal WHERE run_id = ? ORDER BY seq")) {
      query.setString(1, runId);
      query.setFetchSize(8); // entries of up to a MiB each, fetched a few at a time when remote
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          decoder.decode(rows.getBytes(1), sink);
        }
      }
    }
  }

  private static void bind(PreparedStatement query, String argument) throws SQLException {
    if (argument != null) {
      query.setString(1, argument);
    }
  }
}
