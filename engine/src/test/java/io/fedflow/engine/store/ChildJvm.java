package io.fedflow.engine.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link StoreChild} in its own JVM, on the test class path, to be killed with SIGKILL. */
final class ChildJvm implements AutoCloseable {
  private static final String END = "\u0000end";

  private final Process process;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
  private final Thread pump;

  private ChildJvm(Process process) {
    this.process = process;
    this.pump = new Thread(this::pumpLines, "child-stdout");
    pump.setDaemon(true);
    pump.start();
  }

  static ChildJvm start(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(StoreChild.class.getName());
    command.addAll(List.of(args));
    return new ChildJvm(
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
  }

  long pid() {
    return process.pid();
  }

  /** Waits for the child to print {@code expected}, failing if it ends or takes over a minute. */
  void await(String expected) throws InterruptedException {
    while (!nextLine().equals(expected)) {
      // skip what comes before
    }
  }

  /** The next line the child prints, failing if it ends or takes over a minute. */
  String nextLine() throws InterruptedException {
    String line = lines.poll(60, TimeUnit.SECONDS);
    if (line == null || line.equals(END)) {
      throw new AssertionError("the child ended or hung without printing a line");
    }
    return line;
  }

  /** SIGKILL, like {@code kill -9}: no shutdown hook, no H2 close, no lock release by Java. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
    pump.join(10_000);
  }

  /** What the child printed that {@link #await} has not consumed, once it has ended. */
  List<String> remainingLines() {
    List<String> rest = new ArrayList<>();
    lines.drainTo(rest);
    rest.remove(END);
    return rest;
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void pumpLines() {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      // the child was killed mid-line: what was read is what it printed
    } finally {
      lines.add(END);
    }
  }
}
