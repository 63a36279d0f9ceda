package io.fedflow.engine.store;

import static io.fedflow.engine.store.SqlValues.instant;
import static io.fedflow.engine.store.SqlValues.integer;

import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * Schema version 3: a run's job rows, attempts and events (versions 1 and 2) become its journal and
 * its counts. Each recorded event becomes a change of the journal, in the order recorded; the last
 * change of an instance carries its row exactly as it was stored, earlier ones the fields of the
 * attempt they belong to. So an old run lists, reads and resumes as it was.
 */
final class JournalMigration implements JavaMigration {
  private static final String OLD = "recorded by an earlier fedflow";

  @Override
  public MigrationVersion getVersion() {
    return MigrationVersion.fromVersion("3");
  }

  @Override
  public String getDescription() {
    return "journal";
  }

  @Override
  public Integer getChecksum() {
    return null;
  }

  @Override
  public boolean canExecuteInTransaction() {
    return true;
  }

  @Override
  public void migrate(Context context) throws SQLException {
    Connection c = context.getConnection();
    try (Statement s = c.createStatement()) {
      s.execute("ALTER TABLE runs ADD COLUMN jobs_total BIGINT DEFAULT 0 NOT NULL");
      // The counts of the instances in each state but WAITING: READY=3 SUCCEEDED=120.
      s.execute("ALTER TABLE runs ADD COLUMN counts VARCHAR DEFAULT '' NOT NULL");
      // Append-only: one entry per round (several for a large one), written by ChangeEncoder.
      s.execute(
          "CREATE TABLE journal (run_id VARCHAR(64) NOT NULL REFERENCES runs (id),"
              + " seq BIGINT NOT NULL, body VARBINARY NOT NULL, PRIMARY KEY (run_id, seq))");
      List<String> runs = new ArrayList<>();
      try (ResultSet r = s.executeQuery("SELECT id FROM runs")) {
        while (r.next()) {
          runs.add(r.getString(1));
        }
      }
      for (String run : runs) {
        convert(c, run);
      }
      s.execute("DROP TABLE events");
      s.execute("DROP TABLE attempts");
      s.execute("DROP TABLE jobs");
    }
  }

  private record Old(long position, JobRow row) {}

  private record OldEvent(String id, Instant at, JobState from, JobState to, String detail) {}

  private static void convert(Connection c, String runId) throws SQLException {
    long total = single(c, "SELECT COUNT(*) FROM jobs WHERE run_id = ?", runId);
    Map<String, Old> rows = rows(c, runId);
    Map<String, Map<Integer, Attempt>> attempts = attempts(c, runId);
    Map<String, Integer> eventsLeft = new HashMap<>();
    List<OldEvent> events = new ArrayList<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT instance_id, at, from_state, to_state, detail FROM events WHERE run_id = ?"
                + " ORDER BY seq")) {
      q.setString(1, runId);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          String id = r.getString(1);
          if (rows.containsKey(id)) {
            eventsLeft.merge(id, 1, Integer::sum);
            events.add(
                new OldEvent(
                    id,
                    instant(r, "at"),
                    JobState.valueOf(r.getString(3)),
                    JobState.valueOf(r.getString(4)),
                    r.getString(5)));
          }
        }
      }
    }
    ChangeEncoder encoder = new ChangeEncoder(runId);
    Counts counts = Counts.parse(total, "");
    Map<String, Integer> opened = new HashMap<>();
    for (OldEvent e : events) {
      String id = e.id();
      Old old = rows.get(id);
      JobState from = e.from();
      JobState to = e.to();
      JobRow row;
      if (eventsLeft.merge(id, -1, Integer::sum) == 0) {
        row = old.row();
      } else {
        int k = opened.getOrDefault(id, 0);
        if (to == JobState.SUBMITTING && from != JobState.SUBMITTING) {
          opened.put(id, ++k);
        }
        Attempt a = attempts.getOrDefault(id, Map.of()).get(k);
        row = between(old.row(), to, a, live(from) && !live(to), e.at());
      }
      encoder.add(old.position(), from, row, e.detail());
    }
    for (Old old : rows.values()) {
      if (!eventsLeft.containsKey(old.row().instanceId())) {
        encoder.add(old.position(), JobState.WAITING, old.row(), OLD);
      }
      counts.move(JobState.WAITING, old.row().state());
    }
    long seq = 1;
    try (PreparedStatement insert =
        c.prepareStatement("INSERT INTO journal (run_id, seq, body) VALUES (?, ?, ?)")) {
      for (byte[] entry : encoder.take()) {
        insert.setString(1, runId);
        insert.setLong(2, seq++);
        insert.setBytes(3, entry);
        insert.executeUpdate();
      }
    }
    try (PreparedStatement update =
        c.prepareStatement("UPDATE runs SET jobs_total = ?, counts = ? WHERE id = ?")) {
      update.setLong(1, total);
      update.setString(2, counts.text());
      update.setString(3, runId);
      update.executeUpdate();
    }
  }

  /** The row of an instance at an earlier event: the state then, the attempt it belonged to. */
  private static JobRow between(
      JobRow last, JobState to, Attempt a, boolean attemptEnded, Instant at) {
    boolean atSite = to != JobState.SUBMITTING && to != JobState.READY;
    return new JobRow(
        last.instanceId(),
        last.job(),
        last.index(),
        to,
        a == null ? 0 : a.attempt(),
        0,
        a == null ? null : a.token(),
        a == null ? null : a.site(),
        a == null || !atSite ? null : a.nativeId(),
        a == null || live(to) ? null : a.exitCode(),
        null,
        a == null || !atSite || to == JobState.QUEUED ? null : a.startedAt(),
        attemptEnded && a != null ? a.endedAt() : null,
        null,
        null,
        at);
  }

  private static boolean live(JobState s) {
    return s == JobState.SUBMITTING
        || s == JobState.QUEUED
        || s == JobState.RUNNING
        || s == JobState.UNKNOWN;
  }

  private static Map<String, Old> rows(Connection c, String runId) throws SQLException {
    Map<String, Old> out = new LinkedHashMap<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT instance_id, job, idx, state, attempt, site_faults, token, site, native_id,"
                + " exit_code, retry_at, started_at, ended_at, updated_at, pos FROM jobs j"
                + " WHERE run_id = ? AND (state <> 'WAITING' OR EXISTS (SELECT 1 FROM events e"
                + " WHERE e.run_id = j.run_id AND e.instance_id = j.instance_id)) ORDER BY pos")) {
      q.setString(1, runId);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          JobRow row =
              new JobRow(
                  r.getString(1),
                  r.getString(2),
                  r.getLong(3),
                  JobState.valueOf(r.getString(4)),
                  r.getInt(5),
                  r.getInt(6),
                  r.getString(7),
                  r.getString(8),
                  r.getString(9),
                  integer(r, "exit_code"),
                  instant(r, "retry_at"),
                  instant(r, "started_at"),
                  instant(r, "ended_at"),
                  null,
                  null,
                  instant(r, "updated_at"));
          out.put(row.instanceId(), new Old(r.getLong(15), row));
        }
      }
    }
    return out;
  }

  private static Map<String, Map<Integer, Attempt>> attempts(Connection c, String runId)
      throws SQLException {
    Map<String, Map<Integer, Attempt>> out = new HashMap<>();
    try (PreparedStatement q = c.prepareStatement("SELECT * FROM attempts WHERE run_id = ?")) {
      q.setString(1, runId);
      try (ResultSet r = q.executeQuery()) {
        while (r.next()) {
          Attempt a =
              new Attempt(
                  runId,
                  r.getString("instance_id"),
                  r.getInt("attempt"),
                  r.getString("token"),
                  r.getString("site"),
                  r.getString("native_id"),
                  null,
                  integer(r, "exit_code"),
                  instant(r, "submitted_at"),
                  instant(r, "started_at"),
                  instant(r, "ended_at"),
                  r.getString("reason"),
                  null,
                  null);
          out.computeIfAbsent(a.instanceId(), k -> new HashMap<>()).put(a.attempt(), a);
        }
      }
    }
    return out;
  }

  private static long single(Connection c, String sql, String runId) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(sql)) {
      q.setString(1, runId);
      try (ResultSet r = q.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
