package io.fedflow.engine.connector.local;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One job's process, ready to start: every path absolute.
 *
 * @param attempt the attempt folder, where the process is claimed and its exit code written
 * @param argv the program and its arguments, never read by a shell
 * @param env added to the engine's environment
 * @param stdin the file to read, or null for /dev/null
 * @param stdout the file to write, created or truncated
 * @param stderr the file for errors; the same path as {@code stdout} shares its file
 */
record ProcessPlan(
    AttemptFolder attempt,
    List<String> argv,
    Path workdir,
    Map<String, String> env,
    Path stdin,
    Path stdout,
    Path stderr) {

  ProcessPlan {
    argv = List.copyOf(argv);
    env = Map.copyOf(env);
  }

  /** Whether stdout and stderr go to one file, opened once. */
  boolean sharedOutput() {
    return stdout.toAbsolutePath().normalize().equals(stderr.toAbsolutePath().normalize());
  }
}
