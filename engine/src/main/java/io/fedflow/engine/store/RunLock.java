package io.fedflow.engine.store;

import io.fedflow.engine.EngineException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Proof that this process follows a run: an OS lock on {@code <runDir>/engine.lock}, which holds
 * the process id for others to name. The OS drops the lock when the process dies however it dies,
 * so a run whose lock is free is followed by no one. The file itself stays: deleting a lock file
 * lets two processes each lock a different file of the same name.
 */
public final class RunLock implements AutoCloseable {
  static final String FILE_NAME = "engine.lock";

  // Lock files this process holds. On Linux, closing any channel on a file drops every lock the
  // process has on it, so a file held here must not be opened (and closed) again to test it.
  private static final Set<Path> HELD = new HashSet<>();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private RunLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Takes the run's lock, creating the run folder if needed.
   *
   * @throws EngineException when another process (or this one) follows the run already
   */
  public static synchronized RunLock acquire(String runId, Path runDir) {
    Path file = lockFile(runId, runDir);
    long self = ProcessHandle.current().pid();
    if (HELD.contains(file)) {
      throw new EngineException(
          "run " + runId + " is already being followed by this fedflow process (pid " + self + ")");
    }
    try {
      FileChannel channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock lock = channel.tryLock();
      if (lock == null) {
        String holder = readPid(channel);
        channel.close();
        throw new EngineException(
            "run "
                + runId
                + " is being followed by another fedflow process"
                + (holder.isEmpty() ? "" : " (pid " + holder + ")"));
      }
      channel.truncate(0);
      channel.write(ByteBuffer.wrap((self + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
      HELD.add(file);
      return new RunLock(file, channel, lock);
    } catch (IOException e) {
      throw new EngineException("cannot lock run " + runId + " in " + file + ": " + e, e);
    }
  }

  /** Whether some process, this one included, holds the lock of the run in {@code runDir}. */
  public static synchronized boolean isLocked(Path runDir) {
    Path file = runDir.toAbsolutePath().normalize().resolve(FILE_NAME);
    if (HELD.contains(canonical(file))) {
      return true;
    }
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (NoSuchFileException e) {
      return false; // never followed
    } catch (IOException e) {
      throw new EngineException("cannot test the lock " + file + ": " + e, e);
    }
  }

  /** Releases the lock; the run may then be followed by another process. */
  @Override
  public void close() {
    synchronized (RunLock.class) {
      if (!HELD.remove(file)) {
        return;
      }
      try {
        channel.truncate(0); // no stale pid to mislead a reader
        lock.release();
        channel.close();
      } catch (IOException e) {
        throw new EngineException("cannot release the lock " + file + ": " + e, e);
      }
    }
  }

  private static Path lockFile(String runId, Path runDir) {
    try {
      Files.createDirectories(runDir);
      return runDir.toRealPath().resolve(FILE_NAME);
    } catch (IOException e) {
      throw new EngineException("cannot create folder " + runDir + " of run " + runId + ": " + e);
    }
  }

  private static Path canonical(Path file) {
    try {
      return file.getParent().toRealPath().resolve(FILE_NAME);
    } catch (IOException e) {
      return file; // no folder: nothing held there
    }
  }

  private static String readPid(FileChannel channel) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(32);
    channel.read(buffer, 0);
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
  }
}
