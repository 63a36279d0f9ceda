package io.fedflow.engine.connector.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The folder of one attempt, where everything the connector knows of a job lives, so that a new
 * engine process can tell what became of it:
 *
 * <ul>
 *   <li>{@code limits}: cpus, memory and walltime, when not the defaults, to account for an adopted
 *       job and keep watching its walltime;
 *   <li>{@code script}: an inline script, as an executable file;
 *   <li>{@code pid}: the claim of the spawner, {@code JOBPID STARTTIME SPAWNERPID STARTTIME}, or of
 *       the sh launcher, {@code PID STARTTIME}; or {@code never-started} when an engine recovering
 *       from a crash claimed it first (a spawner or launcher then does nothing);
 *   <li>{@code exit-code}: written by the spawner or launcher when the job ends;
 *   <li>{@code cancelled}, {@code walltime-exceeded}: why the engine stopped the job;
 *   <li>{@code stdout}, {@code stderr}: the job's streams, unless it names other files.
 * </ul>
 *
 * Files end with a newline once complete: a file without one is still being written.
 */
record AttemptFolder(Path dir) {
  static final String LIMITS = "limits";
  static final String SCRIPT = "script";
  static final String PID = "pid";
  static final String EXIT_CODE = "exit-code";
  static final String CANCELLED = "cancelled";
  static final String WALLTIME_EXCEEDED = "walltime-exceeded";
  private static final String NEVER_STARTED = "never-started";

  /** How the attempt was claimed, if it was. */
  sealed interface Claim {}

  /**
   * The job was launched: the pid and start time of the process that leads its group (the job, or
   * its sh launcher), when it claimed the attempt, and the spawner that writes its exit code when
   * it ends (null for a launcher, which writes it itself).
   */
  record Launched(long pid, String startTicks, Spawned spawner, Instant at) implements Claim {}

  /** The spawner process that forked a job: its pid and start time. */
  record Spawned(long pid, String startTicks) {}

  /** An engine recovering from a crash found no launcher and claimed the attempt to stop one. */
  record NeverStarted() implements Claim {}

  /** No claim yet. */
  record Unclaimed() implements Claim {}

  /** A claim being written (or whose writer died in the middle). */
  record Unfinished() implements Claim {}

  /** The exit code the spawner or launcher wrote, and when. */
  record Exit(int code, Instant at) {}

  Path file(String name) {
    return dir.resolve(name);
  }

  /** The exit code, or null while none is written. */
  Exit exit() {
    String text = complete(EXIT_CODE);
    if (text == null) {
      return null;
    }
    try {
      return new Exit(Integer.parseInt(text), modified(EXIT_CODE));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  Claim claim() {
    Path pid = file(PID);
    String text;
    try {
      text = Files.readString(pid, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      return new Unclaimed();
    } catch (IOException e) {
      return new Unfinished();
    }
    if (!text.endsWith("\n")) {
      return new Unfinished();
    }
    text = text.strip();
    if (text.equals(NEVER_STARTED)) {
      return new NeverStarted();
    }
    String[] parts = text.split(" ");
    try {
      Spawned spawner = parts.length < 4 ? null : new Spawned(Long.parseLong(parts[2]), parts[3]);
      return new Launched(Long.parseLong(parts[0]), parts[1], spawner, modified(PID));
    } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
      return new Unfinished();
    }
  }

  /**
   * Claims the attempt for no one, so that a launcher started just before a crash does not run it.
   * False when a launcher claimed it first.
   */
  boolean claimNeverStarted() throws IOException {
    try {
      Files.writeString(
          file(PID),
          NEVER_STARTED + "\n",
          StandardCharsets.US_ASCII,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    }
  }

  /** Removes a never-started claim, so that the attempt can be launched again. */
  void releaseNeverStarted() throws IOException {
    if (claim() instanceof NeverStarted) {
      Files.deleteIfExists(file(PID));
    }
  }

  boolean has(String name) {
    return Files.exists(file(name));
  }

  /** The text of a file without its final newline, or null when absent or incomplete. */
  String complete(String name) {
    try {
      String text = Files.readString(file(name), StandardCharsets.UTF_8);
      return text.endsWith("\n") ? text.substring(0, text.length() - 1) : null;
    } catch (IOException e) {
      return null;
    }
  }

  /** Writes a small file in one write, ending with a newline. */
  void write(String name, String text) throws IOException {
    Files.writeString(file(name), text + "\n", StandardCharsets.UTF_8);
  }

  Instant modified(String name) {
    try {
      return Files.getLastModifiedTime(file(name)).toInstant();
    } catch (IOException e) {
      return null;
    }
  }
}
