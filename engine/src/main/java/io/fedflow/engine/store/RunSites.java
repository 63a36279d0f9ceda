package io.fedflow.engine.store;

import io.fedflow.engine.site.SitesSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The statements of a run's sites file (tables run_sites and run_sites_env). */
final class RunSites {
  private RunSites() {}

  /** Records (or replaces) the run's sites file; the caller owns the transaction. */
  static void put(Connection c, String runId, SitesSource sites) throws SQLException {
    for (String table : new String[] {"run_sites_env", "run_sites"}) {
      try (PreparedStatement delete =
          c.prepareStatement("DELETE FROM " + table + " WHERE run_id = ?")) {
        delete.setString(1, runId);
        delete.executeUpdate();
      }
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO run_sites (run_id, sites_file, sites_text) VALUES (?, ?, ?)")) {
      insert.setString(1, runId);
      insert.setString(2, sites.file());
      insert.setString(3, sites.text());
      insert.executeUpdate();
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO run_sites_env (run_id, env_name, env_value) VALUES (?, ?, ?)")) {
      for (Map.Entry<String, String> e : sites.env().entrySet()) {
        insert.setString(1, runId);
        insert.setString(2, e.getKey());
        insert.setString(3, e.getValue());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  /** The run's sites file, or empty when the run uses the engine's own sites. */
  static Optional<SitesSource> get(Connection c, String runId) throws SQLException {
    String file;
    String text;
    try (PreparedStatement query =
        c.prepareStatement("SELECT sites_file, sites_text FROM run_sites WHERE run_id = ?")) {
      query.setString(1, runId);
      try (ResultSet rows = query.executeQuery()) {
        if (!rows.next()) {
          return Optional.empty();
        }
        file = rows.getString(1);
        text = rows.getString(2);
      }
    }
    Map<String, String> env = new HashMap<>();
    try (PreparedStatement query =
        c.prepareStatement("SELECT env_name, env_value FROM run_sites_env WHERE run_id = ?")) {
      query.setString(1, runId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          env.put(rows.getString(1), rows.getString(2));
        }
      }
    }
    return Optional.of(new SitesSource(file, text, env));
  }
}
