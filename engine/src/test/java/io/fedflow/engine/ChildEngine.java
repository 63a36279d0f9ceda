package io.fedflow.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CrashChild} in a JVM of its own, on the test class path, to be killed with SIGKILL.
 * Public for other modules' crash tests (this module's test jar).
 */
public final class ChildEngine implements AutoCloseable {
  private static final String END = "\u0000end";

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final List<String> all = new ArrayList<>();

  private ChildEngine(Process process) {
    this.process = process;
    Thread pump = new Thread(this::pumpLines, "child-engine-stdout");
    pump.setDaemon(true);
    pump.start();
  }

  /** A child on a local site of 2 cpus. */
  public static ChildEngine start(Path home, String runId, int pauseBefore, int pauseAfter)
      throws IOException {
    return start(home, runId, pauseBefore, pauseAfter, Map.of());
  }

  /**
   * A child on a site of the settings {@code site} ({@code inner} names its type; empty: a local
   * site of 2 cpus), paused as {@link PausingConnectorProvider} says.
   */
  public static ChildEngine start(
      Path home, String runId, int pauseBefore, int pauseAfter, Map<String, String> site)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Dorg.apache.logging.log4j.level=" + System.getProperty("childLogLevel", "ERROR"),
                "-cp",
                System.getProperty("java.class.path"),
                CrashChild.class.getName(),
                home.toString(),
                runId,
                Integer.toString(pauseBefore),
                Integer.toString(pauseAfter)));
    site.forEach((k, v) -> command.add(k + "=" + v));
    return new ChildEngine(
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
  }

  /**
   * Waits for a line starting with {@code prefix} and returns it, or null when the child ended
   * first; fails after {@code seconds}.
   */
  public String await(String prefix, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (true) {
      String line = lines.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (line == null) {
        throw new AssertionError("no line '" + prefix + "...' from the child in " + seconds + "s");
      }
      if (line.equals(END)) {
        lines.add(END);
        return null;
      }
      if (line.startsWith(prefix)) {
        return line;
      }
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL, like {@code kill -9}: no shutdown hook, no H2 close, no lock release by Java. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  public synchronized List<String> printed() {
    return List.copyOf(all);
  }

  @Override
  public void close() {
    try {
      kill();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void pumpLines() {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        synchronized (this) {
          all.add(line);
        }
        lines.add(line);
      }
    } catch (IOException e) {
      // killed mid-line: what was read is what it printed
    } finally {
      lines.add(END);
    }
  }
}
