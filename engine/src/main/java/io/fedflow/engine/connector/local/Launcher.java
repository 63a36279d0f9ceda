package io.fedflow.engine.connector.local;

import io.fedflow.engine.connector.ConnectorException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.PumpStreamHandler;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Starts each job under a launcher script of its own ({@code launcher.sh} in this package, copied
 * into the connector's state folder), in a session of its own made by {@code setsid} (util-linux,
 * essential on Debian), so that neither a SIGKILL of the engine nor one of its process group ends
 * the job; and signals the process groups of jobs to stop them. The way jobs start when perl is
 * missing: it costs a process tree per job (the JDK's spawn helper, setsid, sh, the job).
 */
final class Launcher implements Starter {
  private static final Logger LOG = LogManager.getLogger(Launcher.class);
  private static final String SHELL = "/bin/sh";
  private static final File DEV_NULL = new File("/dev/null");

  private final Path script;
  private final String setsid;

  private Launcher(Path script, String setsid) {
    this.script = script;
    this.setsid = setsid;
  }

  /** Writes the launcher script into {@code stateDir} unless it is there already. */
  static Launcher install(Path stateDir) throws ConnectorException {
    String setsid = onPath("setsid");
    if (setsid == null) {
      throw new ConnectorException(
          "the local connector's sh launcher needs setsid (from util-linux) on the PATH, and found"
              + " none",
          false);
    }
    return new Launcher(ScriptFiles.install(stateDir, "launcher.sh"), setsid);
  }

  /**
   * Starts the launcher for one attempt. ProcessBuilder rather than Commons Exec: the launcher's
   * streams go straight to the job's files (no pumping thread per job), nothing waits on it (the
   * launcher records the outcome itself), and the arguments pass untouched (Commons Exec's
   * CommandLine trims leading and trailing blanks from arguments).
   */
  @Override
  public Started start(ProcessPlan plan) throws IOException {
    List<String> command = new ArrayList<>(plan.argv().size() + 6);
    command.addAll(
        List.of(setsid, SHELL, script.toString(), "run", plan.attempt().dir().toString(), "--"));
    command.addAll(plan.argv());
    ProcessBuilder pb = new ProcessBuilder(command).directory(plan.workdir().toFile());
    try {
      pb.environment().putAll(plan.env());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad environment: " + e.getMessage(), e);
    }
    pb.redirectInput(plan.stdin() == null ? DEV_NULL : plan.stdin().toFile());
    pb.redirectOutput(plan.stdout().toFile());
    if (plan.sharedOutput()) {
      pb.redirectErrorStream(true); // one file: one open, or the two streams overwrite each other
    } else {
      pb.redirectError(plan.stderr().toFile());
    }
    Process launcher;
    try {
      launcher = pb.start();
    } catch (IOException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("Cannot run program")) {
        throw e; // no process now: maybe later
      }
      throw new IllegalArgumentException(e.getMessage(), e); // a file that cannot be opened
    }
    Instant at = Instant.now();
    return new Started() {
      @Override
      public boolean isAlive() {
        return launcher.isAlive();
      }

      @Override
      public Instant started() {
        return at;
      }
    };
  }

  @Override
  public void close() {}

  /**
   * Sends {@code signal} (TERM, KILL) to process groups, all in one short process; a group that is
   * gone already is not an error.
   */
  @Override
  public void signal(String signal, Collection<Long> groups) {
    if (groups.isEmpty()) {
      return;
    }
    CommandLine line = new CommandLine(SHELL);
    for (String arg : List.of(script.toString(), "signal", signal, "--")) {
      line.addArgument(arg, false);
    }
    groups.forEach(g -> line.addArgument("-" + g, false));
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    DefaultExecutor executor =
        DefaultExecutor.builder().setExecuteStreamHandler(new PumpStreamHandler(output)).get();
    executor.setExitValues(null);
    try {
      int status = executor.execute(line);
      if (status != 0) {
        LOG.debug(
            "kill -s {} {}: status {}: {}",
            signal,
            groups,
            status,
            output.toString(StandardCharsets.UTF_8).strip());
      }
    } catch (IOException e) {
      LOG.warn("cannot signal {} to {}: {}", signal, groups, e.getMessage());
    }
  }

  /** The first executable {@code name} in the PATH, then /usr/bin and /bin; or null. */
  static String onPath(String name) {
    List<String> dirs = new ArrayList<>();
    String path = System.getenv("PATH");
    if (path != null) {
      dirs.addAll(List.of(path.split(File.pathSeparator)));
    }
    dirs.addAll(List.of("/usr/bin", "/bin"));
    for (String dir : dirs) {
      if (!dir.isEmpty()) {
        Path candidate = Path.of(dir, name);
        if (Files.isExecutable(candidate)) {
          return candidate.toAbsolutePath().toString();
        }
      }
    }
    return null;
  }
}
