package io.fedflow.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Starts {@code fedflow resume RUN --quiet} as a process of its own that outlives this one: for
 * {@code fedflow submit}. It runs in a new session ({@code setsid}) when that program is there, so
 * that closing the terminal does not stop it; no shell comes between.
 */
final class Background {
  /** The file under the run's folder that takes the background process's output. */
  static final String OUTPUT = "follow.out";

  private Background() {}

  /**
   * Starts the process and returns the file that takes its output.
   *
   * @throws IOException when the process cannot be started
   */
  static Path start(String runId, Path home, Path runDir) throws IOException {
    Path output = runDir.resolve(OUTPUT);
    Files.createDirectories(runDir);
    new ProcessBuilder(
            command(
                runId,
                home,
                onPath("setsid", System.getenv("PATH")),
                Path.of(System.getProperty("java.home"), "bin", "java"),
                System.getProperty("java.class.path")))
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()))
        .redirectErrorStream(true)
        .start();
    return output;
  }

  /**
   * The command line: this Java, this class path (each entry absolute, as the process may not start
   * where this one did), {@code Main resume RUN --quiet --home HOME}, behind {@code setsid} if
   * given.
   */
  static List<String> command(
      String runId, Path home, Optional<Path> setsid, Path java, String classPath) {
    List<String> command = new ArrayList<>();
    setsid.ifPresent(p -> command.add(p.toString()));
    command.add(java.toString());
    command.add("-cp");
    command.add(
        Stream.of(classPath.split(File.pathSeparator))
            .filter(e -> !e.isEmpty())
            .map(e -> Path.of(e).toAbsolutePath().toString())
            .collect(Collectors.joining(File.pathSeparator)));
    command.add(Main.class.getName());
    command.addAll(List.of("resume", runId, "--quiet", "--home", home.toAbsolutePath().toString()));
    return command;
  }

  /** The program of this name in the folders of {@code path} ($PATH), if one is executable. */
  static Optional<Path> onPath(String program, String path) {
    if (path == null) {
      return Optional.empty();
    }
    return Stream.of(path.split(File.pathSeparator))
        .filter(d -> !d.isEmpty())
        .map(d -> Path.of(d, program))
        .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p))
        .findFirst();
  }
}
