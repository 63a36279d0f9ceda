package io.fedflow.engine.connector.local;

import io.fedflow.engine.connector.ConnectorException;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.PumpStreamHandler;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Starts jobs under the launcher script ({@code launcher.sh} in this package, copied into the
 * connector's state folder), each in a session of its own made by {@code setsid} (util-linux,
 * essential on Debian), so that neither a SIGKILL of the engine nor one of its process group ends
 * the job; and signals the process groups of jobs to stop them.
 */
final class Launcher {
  private static final Logger LOG = LogManager.getLogger(Launcher.class);
  private static final String SHELL = "/bin/sh";
  private static final File DEV_NULL = new File("/dev/null");

  private final Path script;
  private final String setsid;

  private Launcher(Path script, String setsid) {
    this.script = script;
    this.setsid = setsid;
  }

  /**
   * Writes the launcher script into {@code stateDir} unless it is there already. Its name holds a
   * hash of its text: a launcher still running keeps reading the file it started from, so a file is
   * never changed in place.
   */
  static Launcher install(Path stateDir) throws ConnectorException {
    String setsid = onPath("setsid");
    if (setsid == null) {
      throw new ConnectorException(
          "the local connector needs setsid (from util-linux) on the PATH, and found none", false);
    }
    try (InputStream in = Launcher.class.getResourceAsStream("launcher.sh")) {
      byte[] text = in.readAllBytes();
      String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
      Path script = stateDir.resolve("launcher-" + hash.substring(0, 12) + ".sh");
      if (!Files.exists(script)) {
        Files.createDirectories(stateDir);
        Path tmp = Files.createTempFile(stateDir, "launcher", ".tmp");
        Files.write(tmp, text);
        Files.move(tmp, script, StandardCopyOption.ATOMIC_MOVE);
      }
      return new Launcher(script, setsid);
    } catch (IOException e) {
      throw new ConnectorException(
          "cannot write the launcher script into " + stateDir + ": " + e.getMessage(), false, e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  Path script() {
    return script;
  }

  /**
   * Starts the launcher for one attempt. ProcessBuilder rather than Commons Exec: the launcher's
   * streams go straight to the job's files (no pumping thread per job), nothing waits on it (the
   * launcher records the outcome itself), and the arguments pass untouched (Commons Exec's
   * CommandLine trims leading and trailing blanks from arguments).
   */
  Process start(
      AttemptFolder folder,
      List<String> argv,
      Path workdir,
      Map<String, String> env,
      Path stdin,
      Path stdout,
      Path stderr)
      throws IOException {
    List<String> command = new ArrayList<>(argv.size() + 6);
    command.addAll(List.of(setsid, SHELL, script.toString(), "run", folder.dir().toString(), "--"));
    command.addAll(argv);
    ProcessBuilder pb = new ProcessBuilder(command).directory(workdir.toFile());
    pb.environment().putAll(env);
    pb.redirectInput(stdin == null ? DEV_NULL : stdin.toFile());
    pb.redirectOutput(stdout.toFile());
    if (stderr.toAbsolutePath().normalize().equals(stdout.toAbsolutePath().normalize())) {
      pb.redirectErrorStream(true); // one file: one open, or the two streams overwrite each other
    } else {
      pb.redirectError(stderr.toFile());
    }
    return pb.start();
  }

  /**
   * Sends {@code signal} (TERM, KILL) to process groups, all in one short process; a group that is
   * gone already is not an error.
   */
  void signal(String signal, Collection<Long> groups) {
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

  /** The first executable {@code name} in the PATH, then /usr/bin and /bin. */
  private static String onPath(String name) {
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
