package io.fedflow.engine;

import io.fedflow.engine.store.Database;
import io.fedflow.engine.store.RunStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The engine's database and its run store. A process that reached the database through another
 * process (see {@link Database}) loses it when that process ends; the store is then opened again,
 * and whoever used the lost one starts over from what is committed.
 */
final class Storage implements AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(Storage.class);

  private final Path base;
  private final Clock clock;
  private Database database;
  private RunStore store;

  private Storage(Path base, Clock clock) {
    this.base = base;
    this.clock = clock;
  }

  /**
   * Opens the database, refusing to create a new one beside the folders of recorded runs: the
   * database was lost, and a new one would forget those runs without a word.
   */
  static Storage open(Path base, Path runsDir, Clock clock) {
    Path file = base.resolveSibling(base.getFileName() + ".mv.db");
    if (!Files.exists(file) && holdsRuns(runsDir)) {
      throw new EngineException(
          "database "
              + file.toAbsolutePath()
              + " is missing but "
              + runsDir.toAbsolutePath()
              + " holds runs: restore the database, or move that folder away to start afresh");
    }
    Storage s = new Storage(base, clock);
    s.connect();
    return s;
  }

  private static boolean holdsRuns(Path runsDir) {
    if (!Files.isDirectory(runsDir)) {
      return false;
    }
    try (Stream<Path> runs = Files.list(runsDir)) {
      return runs.anyMatch(Files::isDirectory);
    } catch (IOException e) {
      throw new EngineException("cannot read folder " + runsDir + ": " + e, e);
    }
  }

  private void connect() {
    database = Database.open(base);
    store = new RunStore(database, clock);
  }

  synchronized RunStore store() {
    return store;
  }

  /**
   * After {@code used} failed: opens the database again if its connection was lost.
   *
   * @return whether the store now works (reopened by this call or an earlier one), so that what
   *     failed may start over; false when the failure was not a lost connection
   */
  synchronized boolean reconnect(RunStore used) {
    if (store != used) {
      return true;
    }
    if (database.isConnected()) {
      return false;
    }
    LOG.warn("lost the connection to database {}; opening it again", database.file());
    try {
      database.close();
    } catch (EngineException e) {
      LOG.debug("closing the lost connection", e);
    }
    connect();
    return true;
  }

  @Override
  public synchronized void close() {
    database.close();
  }
}
