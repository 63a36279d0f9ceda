package io.fedflow.engine.store;

import io.fedflow.engine.EngineException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.MigrationVersion;

/**
 * Brings a database to the schema of this fedflow with the Flyway migrations under {@code
 * db/migration}, after refusing a database that a newer fedflow has migrated further: Flyway alone
 * would ignore the versions it does not know and go on.
 */
final class SchemaMigration {
  private SchemaMigration() {}

  static void migrate(String url, String password, Path file) {
    try {
      Flyway flyway =
          Flyway.configure(SchemaMigration.class.getClassLoader())
              .dataSource(url, Database.USER, password)
              .locations("classpath:db/migration")
              .failOnMissingLocations(true)
              .javaMigrations(new JournalMigration())
              .load();
      refuseNewer(flyway.info(), file);
      flyway.migrate();
    } catch (FlywayException e) {
      throw new EngineException("cannot migrate database " + file + ": " + firstLine(e), e);
    }
  }

  private static void refuseNewer(MigrationInfoService info, Path file) {
    boolean future =
        Arrays.stream(info.applied())
            .map(MigrationInfo::getState)
            .anyMatch(s -> s == MigrationState.FUTURE_SUCCESS || s == MigrationState.FUTURE_FAILED);
    if (future) {
      MigrationVersion known =
          Arrays.stream(info.all())
              .filter(m -> m.getState().isResolved())
              .map(MigrationInfo::getVersion)
              .max(Comparator.naturalOrder())
              .orElse(MigrationVersion.EMPTY);
      throw new EngineException(
          "database "
              + file
              + " was written by a newer fedflow (schema version "
              + info.current().getVersion()
              + ", this fedflow knows up to "
              + known
              + "): use that fedflow or a newer one");
    }
  }

  private static String firstLine(Exception e) {
    String message = String.valueOf(e.getMessage()).strip();
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline).strip();
  }
}
