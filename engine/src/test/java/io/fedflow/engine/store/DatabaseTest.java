package io.fedflow.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedflow.engine.EngineException;
import io.fedflow.engine.JobState;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
  @TempDir Path dir;

  @Test
  void createsItsFoldersAndTheSchemaOnFirstOpen() throws Exception {
    Path base = dir.resolve("home/deep/fedflow");
    try (Database db = Database.open(base)) {
      assertThat(db.file()).isEqualTo(dir.resolve("home/deep/fedflow.mv.db"));
      assertThat(db.file()).isRegularFile();
      assertThat(new RunStore(db, Clock.systemUTC()).runs()).isEmpty();
    }
    assertThat(tables(base)).contains("RUNS", "RUN_PARAMS", "JOURNAL");
  }

  @Test
  void opensAgainWhatItCreated() {
    Path base = dir.resolve("fedflow");
    Database.open(base).close();
    try (Database db = Database.open(base)) {
      assertThat(new RunStore(db, Clock.systemUTC()).runs()).isEmpty();
    }
  }

  @Test
  void committedTransactionsSurviveSigkill() throws Exception {
    Path base = dir.resolve("fedflow");
    List<String> printed = new ArrayList<>();
    try (ChildJvm child = ChildJvm.start("commit", base.toString())) {
      child.await("created");
      child.await("300");
      child.kill();
      printed.addAll(child.remainingLines());
    }
    // The child prints i once the commit making instance i READY has returned.
    int lastCommitted = printed.isEmpty() ? 300 : Integer.parseInt(printed.get(printed.size() - 1));
    try (Database db = Database.open(base)) {
      var counts = new RunStore(db, Clock.systemUTC()).counts(StoreChild.RUN);
      assertThat(counts.get(JobState.READY)).isGreaterThanOrEqualTo(lastCommitted + 1L);
      assertThat(counts.get(JobState.READY) + counts.get(JobState.WAITING))
          .isEqualTo(StoreChild.JOBS);
    }
  }

  @Test
  void aSecondProcessSharesTheDatabaseAndTakesItOverWhenTheFirstDies() throws Exception {
    Path base = dir.resolve("fedflow");
    Database second;
    try (ChildJvm child = ChildJvm.start("hold-db", base.toString())) {
      child.await("open");
      second = Database.open(base); // served by the child
      RunStore store = new RunStore(second, Clock.systemUTC());
      assertThat(store.runs()).isEmpty();
      child.kill();
      assertThat(second.isConnected()).isFalse();
    }
    second.close();
    try (Database again = Database.open(base)) { // now this process owns the file
      assertThat(again.isConnected()).isTrue();
      assertThat(new RunStore(again, Clock.systemUTC()).runs()).isEmpty();
    }
  }

  @Test
  void aCorruptFileIsReportedAndLeftUntouched() throws Exception {
    byte[] garbage = new byte[64 * 1024];
    new Random(42).nextBytes(garbage);
    assertCorruptAndUntouched(garbage);
  }

  @Test
  void aFileThatIsNotADatabaseIsReportedAndLeftUntouched() throws Exception {
    assertCorruptAndUntouched("name: not a database\n".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void anEmptyFileIsNotTakenForANewDatabase() throws Exception {
    assertCorruptAndUntouched(new byte[0]);
  }

  private void assertCorruptAndUntouched(byte[] content) throws Exception {
    Path file = dir.resolve("fedflow.mv.db");
    Files.write(file, content);
    assertThatThrownBy(() -> Database.open(dir.resolve("fedflow")))
        .isInstanceOf(EngineException.class)
        .hasMessage(
            "database "
                + file
                + " is corrupt or not a fedflow database; it was left as it is: move it away to"
                + " start afresh, or restore a copy");
    assertThat(Files.readAllBytes(file)).isEqualTo(content);
  }

  @Test
  void aDatabaseOfANewerFedflowIsRefused() throws Exception {
    Path base = dir.resolve("fedflow");
    Database.open(base).close();
    try (Connection c = raw(base);
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\","
              + " \"description\", \"type\", \"script\", \"checksum\", \"installed_by\","
              + " \"execution_time\", \"success\") VALUES (99, '99', 'from the future',"
              + " 'SQL', 'V99__from_the_future.sql', 1, 'sa', 1, TRUE)");
    }
    assertThatThrownBy(() -> Database.open(base))
        .isInstanceOf(EngineException.class)
        .hasMessage(
            "database "
                + dir.resolve("fedflow.mv.db")
                + " was written by a newer fedflow (schema version 99, this fedflow knows up to 4):"
                + " use that fedflow or a newer one");
  }

  @Test
  void aFolderThatCannotBeCreatedIsReported() throws Exception {
    Files.writeString(dir.resolve("blocker"), "a file, not a folder");
    assertThatThrownBy(() -> Database.open(dir.resolve("blocker/home/fedflow")))
        .isInstanceOf(EngineException.class)
        .hasMessage(
            "cannot create folder "
                + dir.resolve("blocker/home")
                + " for the database: "
                + dir.resolve("blocker")
                + " is a file");
  }

  @Test
  void aNewDatabaseGetsAPasswordOnlyItsOwnerCanRead() throws Exception {
    Path base = dir.resolve("home/fedflow");
    Database.open(base).close();

    Path password = dir.resolve("home/fedflow.password");
    assertThat(Files.getPosixFilePermissions(password))
        .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(Files.readString(password).strip()).hasSize(32);
    assertThat(Files.getPosixFilePermissions(dir.resolve("home")))
        .containsExactlyInAnyOrder(
            PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.OWNER_EXECUTE);
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:h2:file:" + base, "sa", ""))
        .isInstanceOf(SQLException.class)
        .hasMessageStartingWith("Wrong user name or password");
  }

  @Test
  void theServerPortRefusesAClientWithoutThePassword() throws Exception {
    Path base = dir.resolve("fedflow");
    try (ChildJvm child = ChildJvm.start("hold-db", base.toString())) {
      child.await("open");
      // The child owns the file: this connection goes through its TCP server on loopback.
      String url = "jdbc:h2:file:" + base + ";AUTO_SERVER=TRUE;FILE_LOCK=SOCKET";
      assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", ""))
          .isInstanceOf(SQLException.class)
          .hasMessageStartingWith("Wrong user name or password");
      String password = Files.readString(dir.resolve("fedflow.password")).strip();
      try (Connection c = DriverManager.getConnection(url, "sa", password)) {
        assertThat(c.isValid(2)).isTrue();
      }
      child.kill();
    }
  }

  @Test
  void aDatabaseWithoutAPasswordIsGivenOne() throws Exception {
    Path base = dir.resolve("fedflow");
    Database.open(base).close();
    try (Connection c = raw(base);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE kept (v INT)");
      s.execute("ALTER USER sa SET PASSWORD ''"); // as fedflow 0.1 snapshots left it
    }
    Files.delete(dir.resolve("fedflow.password"));

    try (Database db = Database.open(base)) {
      assertThat(new RunStore(db, Clock.systemUTC()).runs()).isEmpty();
    }

    assertThat(tables(base)).contains("KEPT", "RUNS");
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:h2:file:" + base, "sa", ""))
        .isInstanceOf(SQLException.class);
    Database.open(base).close();
  }

  @Test
  void aLostPasswordFileIsOneClearError() throws Exception {
    Path base = dir.resolve("fedflow");
    Database.open(base).close();
    Path password = dir.resolve("fedflow.password");
    Files.delete(password);

    assertThatThrownBy(() -> Database.open(base))
        .isInstanceOf(EngineException.class)
        .hasMessage(
            "database "
                + dir.resolve("fedflow.mv.db")
                + " does not accept the password in "
                + password
                + ": restore that file, or move both away to start afresh");
  }

  @Test
  void aPasswordFileOthersCanReadIsRefused() throws Exception {
    Path base = dir.resolve("fedflow");
    Database.open(base).close();
    Path password = dir.resolve("fedflow.password");
    Files.setPosixFilePermissions(password, PosixFilePermissions.fromString("rw-r--r--"));

    assertThatThrownBy(() -> Database.open(base))
        .isInstanceOf(EngineException.class)
        .hasMessage(
            "database password file "
                + password
                + " may be read by other users (rw-r--r--): chmod 600 it");
  }

  private static Connection raw(Path base) throws Exception {
    String password =
        Files.readString(base.resolveSibling(base.getFileName() + ".password")).strip();
    return DriverManager.getConnection("jdbc:h2:file:" + base, "sa", password);
  }

  private static List<String> tables(Path base) throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c = raw(base);
        ResultSet rows =
            c.createStatement()
                .executeQuery(
                    "SELECT table_name FROM information_schema.tables"
                        + " WHERE table_schema = 'PUBLIC'")) {
      while (rows.next()) {
        names.add(rows.getString(1));
      }
    }
    return names;
  }
}
