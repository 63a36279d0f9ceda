package io.fedflow.engine.store;

import io.fedflow.engine.EngineException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.h2.api.ErrorCode;

/**
 * The engine's embedded H2 database: one file ({@code <name>.mv.db}), brought to the current schema
 * by Flyway when opened. The first process to open it owns the file; the others that open it
 * meanwhile reach it through the owner (H2's automatic mixed mode), and lose it when the owner
 * ends: {@link #isConnected()} then says so, and opening it again makes one of them the owner.
 *
 * <p>Durability: with H2's default write delay (500 ms) a transaction whose commit has returned is
 * lost if the process is killed within that delay, because MVStore writes changes to the file from
 * a background thread. The engine records every transition before acting on it, so it opens the
 * database with {@code WRITE_DELAY=0}: each commit is written to the file before it returns, and
 * survives a SIGKILL of the JVM (the tests kill a child JVM to check it). The file is not forced to
 * the disk on each commit, so a power loss can still take the last commits; MVStore then falls back
 * to its last complete chunk, a consistent earlier state.
 *
 * <p>Not thread-safe by itself: {@link RunStore} serialises its use of the connection.
 */
public final class Database implements AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(Database.class);
  static final String SUFFIX = ".mv.db";
  static final String USER = "sa";
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(
          PosixFilePermission.OWNER_READ,
          PosixFilePermission.OWNER_WRITE,
          PosixFilePermission.OWNER_EXECUTE);

  // AUTO_SERVER: the first process to open the file owns it (embedded, fast) and serves it to
  // the others over TCP on loopback, guarded by a random key kept in <name>.lock.db and by the
  // password in <name>.password (both readable by their owner only), so that `fedflow
  // status` or `fedflow cancel` works while another process follows a run. The lock is
  // a socket, not the lock file's timestamps: after a SIGKILL the next process sees the port
  // closed and takes over at once, where FILE_LOCK=FILE waits about four seconds. 64 MiB of
  // page cache holds a 100,000-job run.
  private static final String SETTINGS =
      ";WRITE_DELAY=0;CACHE_SIZE=65536;AUTO_SERVER=TRUE;FILE_LOCK=SOCKET";

  private final Path file;
  private final Connection connection;

  private Database(Path file, Connection connection) {
    this.file = file;
    this.connection = connection;
  }

  /**
   * Opens the database at {@code base} (a path without H2's {@code .mv.db} suffix), creating its
   * folder and the database if they do not exist, and migrates it to the current schema.
   *
   * @throws EngineException when the folder cannot be created, the database is in use by another
   *     process, is corrupt, or was written by a newer fedflow; a corrupt file is left untouched
   */
  public static Database open(Path base) {
    Path absolute = base.toAbsolutePath().normalize();
    Path file = absolute.resolveSibling(absolute.getFileName() + SUFFIX);
    if (absolute.toString().contains(";")) {
      throw new EngineException("database path " + absolute + " must not contain ';'");
    }
    createFolder(absolute.getParent());
    refuseEmptyFile(file);
    Path passwordFile = DatabasePassword.fileOf(absolute);
    String password = DatabasePassword.readOrCreate(passwordFile);
    String url = "jdbc:h2:file:" + absolute + SETTINGS;
    Connection connection = connect(url, file, password, passwordFile);
    try {
      connection.setAutoCommit(false);
      SchemaMigration.migrate(url, password, file);
      return new Database(file, connection);
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new EngineException("cannot open database " + file + ": " + describe(e), e);
    } catch (RuntimeException e) {
      closeQuietly(connection);
      throw e;
    }
  }

  /** The database file, {@code <name>.mv.db}. */
  public Path file() {
    return file;
  }

  /**
   * Whether the connection still works. A process that reached the database through another
   * process's server loses it when that process ends; it then opens the database again.
   */
  public boolean isConnected() {
    try {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  /** The one connection, not auto-committing; used under {@link RunStore}'s lock. */
  Connection connection() {
    return connection;
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // Every change was committed, and so written, before this: a close that fails loses
      // nothing. It fails when the process that served the database to this one has just ended
      // (seen: `fedflow cancel` while the follower ends the run), which is no error of the user's.
      LOG.debug("closing database {}: {}", file, describe(e));
    }
  }

  /** An H2 message on one line, without the SQL statement and the error code H2 appends. */
  static String describe(SQLException e) {
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    int statement = message.indexOf("; SQL statement:");
    if (statement >= 0) {
      message = message.substring(0, statement);
    }
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    return message.replaceFirst(" ?\\[\\d+-\\d+]$", "").strip();
  }

  // A folder made here is its owner's only: it holds the database, its password and the key of
  // the database's server port, as ~/.ssh does.
  private static void createFolder(Path folder) {
    try {
      if (!Files.isDirectory(folder)
          && Files.getFileAttributeView(nearestExisting(folder), PosixFileAttributeView.class)
              != null) {
        Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      }
      Files.createDirectories(folder);
    } catch (IOException e) {
      throw new EngineException(
          "cannot create folder " + folder + " for the database: " + reason(folder, e), e);
    }
  }

  private static Path nearestExisting(Path folder) {
    Path p = folder;
    while (p.getParent() != null && !Files.exists(p)) {
      p = p.getParent();
    }
    return p;
  }

  private static String reason(Path folder, IOException e) {
    for (Path p = folder; p != null; p = p.getParent()) {
      if (Files.exists(p) && !Files.isDirectory(p)) {
        return p + " is a file";
      }
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fse && !(e instanceof FileAlreadyExistsException)) {
      return fse.getReason() == null ? e.toString() : fse.getReason();
    }
    return e.toString();
  }

  // H2 would format an empty file as a new database; an empty file where a database should be is
  // more likely a damaged one than a fresh start, so it is reported like any corrupt file.
  private static void refuseEmptyFile(Path file) {
    try {
      if (Files.isRegularFile(file) && Files.size(file) == 0) {
        throw corrupt(file, null);
      }
    } catch (IOException e) {
      throw new EngineException("cannot read database " + file + ": " + e, e);
    }
  }

  static {
    // The AUTO_SERVER of H2 serves the file to this machine's other fedflow processes only: bind
    // it to loopback, never to the machine's network address (read by H2 when it first loads).
    if (System.getProperty("h2.bindAddress") == null) {
      System.setProperty("h2.bindAddress", "127.0.0.1");
    }
  }

  private static Connection connect(String url, Path file, String password, Path passwordFile) {
    try {
      return DriverManager.getConnection(url, USER, password);
    } catch (SQLException e) {
      switch (e.getErrorCode()) {
        case ErrorCode.WRONG_USER_OR_PASSWORD:
          return upgradeWithoutPassword(url, file, password, passwordFile, e);
        case ErrorCode.DATABASE_ALREADY_OPEN_1:
          throw new EngineException(
              "database " + file + " is in use by another process (is another fedflow running?)",
              e);
        case ErrorCode.FILE_CORRUPTED_1:
        case ErrorCode.FILE_VERSION_ERROR_1:
          throw corrupt(file, e);
        case ErrorCode.IO_EXCEPTION_1:
          if (causedBy(e, EOFException.class)) {
            throw corrupt(file, e); // shorter than its own header says: not an H2 file
          }
          throw new EngineException("cannot open database " + file + ": " + describe(e), e);
        default:
          throw new EngineException("cannot open database " + file + ": " + describe(e), e);
      }
    }
  }

  // Databases of fedflow 0.1 snapshots before the password file had none: given one now, once.
  private static Connection upgradeWithoutPassword(
      String url, Path file, String password, Path passwordFile, SQLException refused) {
    Connection connection;
    try {
      connection = DriverManager.getConnection(url, USER, "");
    } catch (SQLException e) {
      throw new EngineException(
          "database "
              + file
              + " does not accept the password in "
              + passwordFile
              + ": restore that file, or move both away to start afresh",
          refused);
    }
    try (Statement alter = connection.createStatement()) {
      // The password is base64url: nothing in it needs quoting.
      alter.execute("ALTER USER " + USER + " SET PASSWORD '" + password + "'");
      return connection;
    } catch (SQLException e) {
      closeQuietly(connection);
      throw new EngineException(
          "cannot set the password of database " + file + ": " + describe(e), e);
    }
  }

  private static EngineException corrupt(Path file, Throwable cause) {
    return new EngineException(
        "database "
            + file
            + " is corrupt or not a fedflow database; it was left as it is: move it away to start"
            + " afresh, or restore a copy",
        cause);
  }

  private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // the error that made us close it is the one to report
    }
  }
}
