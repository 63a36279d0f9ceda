package io.fedflow.connectors.slurm.ssh;

import io.fedflow.engine.connector.ConnectorException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.commons.exec.CommandLine;
import org.apache.commons.exec.DefaultExecutor;
import org.apache.commons.exec.ExecuteWatchdog;
import org.apache.commons.exec.PumpStreamHandler;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Runs commands on a site's login node with the system's {@code ssh}, argv only (no local shell),
 * over one ControlMaster connection: the first command authenticates (the user's key, agent or
 * certificate; {@code BatchMode=yes} so it never prompts) and leaves a master that serves the
 * following commands and outlives the last one by {@code controlPersist}.
 */
public final class LoginNode {
  private static final Logger LOG = LogManager.getLogger(LoginNode.class);

  /** sshd's default MaxSessions is 10 sessions per connection. */
  private static final int SESSIONS = 8;

  private final String site;
  private final SshSettings settings;
  private final Path controlDir;
  private final Duration timeout;
  private final Semaphore sessions = new Semaphore(SESSIONS);
  private final ReentrantLock alone = new ReentrantLock();
  private volatile boolean masterUp;

  /** What a command wrote and how it ended. */
  public record Result(int exit, String out, String err) {}

  /**
   * @param controlDir a folder only this user may enter, for the master's socket
   * @param timeout how long one command may take before it is killed
   */
  public LoginNode(String site, SshSettings settings, Path controlDir, Duration timeout) {
    this.site = site;
    this.settings = settings;
    this.controlDir = controlDir;
    this.timeout = timeout;
  }

  /** The folder for the master's socket: the user's runtime folder, or one in the temp folder. */
  public static Path defaultControlDir() {
    String runtime = System.getenv("XDG_RUNTIME_DIR");
    if (runtime != null && runtime.startsWith("/")) {
      return Path.of(runtime, "fedflow-ssh");
    }
    return Path.of(
        System.getProperty("java.io.tmpdir"), "fedflow-ssh-" + System.getProperty("user.name"));
  }

  /** The ssh argv for one remote command: option tokens, then the host and one quoted line. */
  List<String> argv(List<String> remote) {
    List<String> a = new ArrayList<>();
    a.add("ssh");
    option(a, "BatchMode=yes");
    option(a, "StrictHostKeyChecking=yes");
    if (settings.knownHosts() != null) {
      option(a, "UserKnownHostsFile=" + settings.knownHosts());
    }
    if (settings.identityFile() != null) {
      a.add("-i");
      a.add(settings.identityFile().toString());
      option(a, "IdentitiesOnly=yes");
    }
    option(a, "ControlMaster=auto");
    option(a, "ControlPath=" + controlDir + "/%C");
    option(a, "ControlPersist=" + settings.controlPersist());
    option(a, "ConnectTimeout=20");
    option(a, "ServerAliveInterval=30");
    option(a, "LogLevel=ERROR");
    if (settings.port() != null) {
      a.add("-p");
      a.add(settings.port().toString());
    }
    a.add("-l");
    a.add(settings.user());
    a.add("-T");
    a.add("--");
    a.add(settings.host());
    a.add(RemoteLine.of(remote));
    for (String word : a) {
      // Commons Exec trims every argument: none may start or end with a blank.
      if (!word.equals(word.strip())) {
        throw new IllegalArgumentException("an ssh argument starts or ends with a blank: " + word);
      }
    }
    return a;
  }

  private static void option(List<String> a, String value) {
    a.add("-o");
    a.add(value);
  }

  /**
   * Runs {@code remote} with {@code stdin} (or none). Fails only when ssh itself failed (exit 255:
   * a transient error, but for a host key that does not match); the command's own exit code is in
   * the result.
   */
  public Result run(List<String> remote, String stdin) throws ConnectorException {
    ensureControlDir();
    List<String> argv = argv(remote);
    // Until a master serves, commands go one at a time: concurrent first commands would each
    // authenticate on their own connection.
    boolean first = !masterUp;
    if (first) {
      alone.lock();
    }
    try {
      sessions.acquireUninterruptibly();
      try {
        Result r = exec(argv, stdin);
        if (r.exit() == 255) {
          masterUp = false;
          throw transportFailure(remote, r);
        }
        masterUp = true;
        return r;
      } finally {
        sessions.release();
      }
    } finally {
      if (first) {
        alone.unlock();
      }
    }
  }

  private Result exec(List<String> argv, String stdin) throws ConnectorException {
    CommandLine line = new CommandLine(argv.get(0));
    for (String word : argv.subList(1, argv.size())) {
      line.addArgument(word, false);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    DefaultExecutor executor = DefaultExecutor.builder().get();
    executor.setExitValues(null);
    executor.setStreamHandler(
        new PumpStreamHandler(
            out,
            err,
            new ByteArrayInputStream(
                (stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8))));
    ExecuteWatchdog watchdog = ExecuteWatchdog.builder().setTimeout(timeout).get();
    executor.setWatchdog(watchdog);
    long t0 = System.nanoTime();
    String command = argv.get(argv.size() - 1);
    try {
      int exit = executor.execute(line);
      Result r =
          new Result(
              exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
      LOG.debug(
          "site {}: ssh {} {} exited {} in {} ms",
          site,
          settings.where(),
          command,
          exit,
          (System.nanoTime() - t0) / 1_000_000);
      if (watchdog.killedProcess()) {
        throw new ConnectorException(
            "site "
                + site
                + ": "
                + command
                + " on "
                + settings.where()
                + " took over "
                + timeout
                + " and was stopped",
            true);
      }
      return r;
    } catch (IOException e) {
      throw new ConnectorException(
          "site " + site + ": cannot run ssh to " + settings.where() + ": " + e.getMessage(),
          true,
          e);
    }
  }

  private ConnectorException transportFailure(List<String> remote, Result r) {
    String said = r.err().strip();
    boolean hostKey = said.contains("Host key verification failed");
    String hint =
        said.contains("Permission denied")
            ? " (log in again: load your key or certificate into your agent, ssh-add)"
            : hostKey ? " (the host key is not in known_hosts, or changed)" : "";
    return new ConnectorException(
        "site "
            + site
            + ": ssh to "
            + settings.where()
            + " failed (exit 255) running "
            + remote.get(0)
            + ": "
            + (said.isEmpty() ? "no message" : said)
            + hint,
        !hostKey);
  }

  /** The master's folder: made 0700, and refused when another user could enter it. */
  private void ensureControlDir() throws ConnectorException {
    try {
      if (!Files.isDirectory(controlDir)) {
        Files.createDirectories(
            controlDir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(controlDir);
      String owner = Files.getOwner(controlDir).getName();
      if (!perms.equals(PosixFilePermissions.fromString("rwx------"))
          || !owner.equals(System.getProperty("user.name"))) {
        throw new ConnectorException(
            "site "
                + site
                + ": the ssh control folder "
                + controlDir
                + " must belong to "
                + System.getProperty("user.name")
                + " with mode 0700, but belongs to "
                + owner
                + " with "
                + PosixFilePermissions.toString(perms),
            false);
      }
    } catch (IOException e) {
      throw new ConnectorException(
          "site " + site + ": cannot make the ssh control folder " + controlDir + ": " + e,
          false,
          e);
    }
  }

  /** Asks the master to exit now (tests; a user's {@code ssh -O exit} does the same). */
  public void stopMaster() {
    List<String> a = new ArrayList<>(argv(List.of("true")));
    a.subList(a.size() - 3, a.size()).clear(); // "--", host, line
    a.add("-O");
    a.add("exit");
    a.add(settings.host());
    try {
      exec(a, null);
    } catch (ConnectorException e) {
      LOG.debug("site {}: stopping the ssh master: {}", site, e.getMessage());
    }
    masterUp = false;
  }
}
