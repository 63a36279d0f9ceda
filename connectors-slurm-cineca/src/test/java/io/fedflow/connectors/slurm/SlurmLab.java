package io.fedflow.connectors.slurm;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fedflow.engine.connector.SiteConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * A cluster of the lab that {@code scripts/local-slurm.sh} runs, read from {@code
 * $FEDFLOW_SLURM_LAB/env}, reached through slurmrestd ({@code rest}) or through the lab's sshd and
 * the Slurm commands ({@code ssh}). When the lab or the cluster is absent the test is skipped with
 * the reason, or fails when {@code FEDFLOW_REQUIRE_SLURM=1}.
 */
public record SlurmLab(String cluster, String transport, Map<String, String> env) {
  private static final Pattern EXPORT = Pattern.compile("^export ([A-Z0-9_]+)='([^']*)'$");

  /** For {@code @MethodSource}: {@link #clusters}. */
  static final String CLUSTERS = "io.fedflow.connectors.slurm.SlurmLab#clusters";

  /** For {@code @MethodSource}: {@link #sites}. */
  static final String SITES = "io.fedflow.connectors.slurm.SlurmLab#sites";

  /** The clusters tests run on. */
  static List<String> clusters() {
    return List.of("22", "24");
  }

  /** Each cluster through each transport: (cluster, transport). */
  public static Stream<Arguments> sites() {
    return clusters().stream()
        .flatMap(c -> Stream.of(Arguments.of(c, "rest"), Arguments.of(c, "ssh")));
  }

  /** The cluster through this transport, answering; or the test is skipped (or failed). */
  public static SlurmLab require(String cluster, String transport) {
    SlurmLab lab = require(cluster);
    if (transport.equals("rest")) {
      return lab;
    }
    SlurmLab ssh = new SlurmLab(cluster, transport, lab.env());
    if (ssh.get("SSH_PORT").isEmpty()) {
      unavailable(
          "the sshd of Slurm cluster "
              + cluster
              + " is not running: scripts/local-slurm.sh start "
              + cluster);
    }
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(ssh.get("SSH_HOST"), Integer.parseInt(ssh.get("SSH_PORT"))), 3000);
    } catch (IOException e) {
      unavailable("the lab's sshd at port " + ssh.get("SSH_PORT") + " does not answer: " + e);
    }
    return ssh;
  }

  /** The cluster, answering; or the test is skipped (or failed when Slurm is required). */
  static SlurmLab require(String cluster) {
    String labDir = System.getenv().getOrDefault("FEDFLOW_SLURM_LAB", "/var/lib/fedflow-slurm-lab");
    Path file = Path.of(labDir, "env");
    Map<String, String> env = new HashMap<>();
    try {
      for (String line : Files.readAllLines(file)) {
        Matcher m = EXPORT.matcher(line);
        if (m.matches()) {
          env.put(m.group(1), m.group(2));
        }
      }
    } catch (IOException e) {
      unavailable(
          file + " cannot be read (" + e + "): start the lab, scripts/local-slurm.sh start");
    }
    List<String> running = List.of(env.getOrDefault("FEDFLOW_SLURM_CLUSTERS", "").split(" "));
    if (!running.contains(cluster)) {
      unavailable(
          "Slurm cluster "
              + cluster
              + " is not running according to "
              + file
              + ": scripts/local-slurm.sh start "
              + cluster);
    }
    SlurmLab lab = new SlurmLab(cluster, "rest", env);
    lab.checkAnswers();
    return lab;
  }

  private static void unavailable(String reason) {
    String message = "SKIPPING Slurm integration test: " + reason;
    if ("1".equals(System.getenv("FEDFLOW_REQUIRE_SLURM"))) {
      fail("FEDFLOW_REQUIRE_SLURM=1 but " + reason);
    }
    System.err.println(message);
    assumeTrue(false, message);
  }

  private void checkAnswers() {
    try {
      HttpResponse<Void> r =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(3))
              .build()
              .send(
                  HttpRequest.newBuilder(URI.create(get("URL") + "/openapi/v3"))
                      .timeout(Duration.ofSeconds(5))
                      .build(),
                  HttpResponse.BodyHandlers.discarding());
      if (r.statusCode() >= 500) {
        unavailable("slurmrestd at " + get("URL") + " answered " + r.statusCode());
      }
    } catch (IOException e) {
      unavailable("slurmrestd at " + get("URL") + " does not answer: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      unavailable("interrupted");
    }
  }

  public String get(String key) {
    return env.getOrDefault("FEDFLOW_SLURM" + cluster + "_" + key, "");
  }

  /** The site config of this cluster, with {@code extra} settings added or replaced. */
  SiteConfig site(String name, Map<String, String> extra) {
    Map<String, String> s = new HashMap<>();
    s.put("user", get("USER"));
    if (transport.equals("ssh")) {
      s.put("transport", "ssh");
      s.put("host", get("SSH_HOST"));
      s.put("port", get("SSH_PORT"));
      s.put("identityFile", get("SSH_KEY"));
      s.put("knownHosts", get("SSH_KNOWN_HOSTS"));
      // The master leaves a few seconds after the tests, not ten minutes.
      s.put("controlPersist", "5s");
    } else {
      s.put("url", get("URL"));
      s.put("token", "file:" + get("TOKEN_FILE"));
    }
    s.put("partition", get("PARTITION"));
    s.put("account", get("ACCOUNT"));
    s.put("workdir", get("WORKDIR"));
    s.putAll(extra);
    return new SiteConfig(name, "slurm", s);
  }

  /** One job as accounting lists it: its name (the submission token), id and state. */
  record SacctRow(String name, String id, String state) {
    /**
     * The submission token of this row: its name, or for a task of a job array (id {@code
     * <array>_<task>}) the token its task number stands for.
     */
    String token() {
      int cut = id.indexOf('_');
      if (cut < 0 || !id.substring(cut + 1).matches("[0-9]+")) {
        return name;
      }
      return ArrayNaming.token(name, Integer.parseInt(id.substring(cut + 1)));
    }
  }

  /**
   * The jobs of a run as {@code sacct} lists them (allocations, submitted in the last two hours),
   * run on the cluster as the job user through the lab's {@code _EXEC} prefix: every job whose name
   * (the submission token) starts with {@code <run id>.}.
   */
  List<SacctRow> sacct(String runId) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of(get("EXEC").split(" ")));
    argv.addAll(
        List.of("sacct", "-n", "-P", "-X", "-S", "now-2hours", "-o", "JobName,JobID,State"));
    List<SacctRow> rows = new ArrayList<>();
    for (String line : run(argv).lines().toList()) {
      String[] f = line.split("\\|", -1);
      if (f.length == 3 && f[0].startsWith(runId + ".")) {
        rows.add(new SacctRow(f[0], f[1], f[2]));
      }
    }
    return rows;
  }

  /** Whether slurmctld still holds this job (it forgets a finished one after MinJobAge). */
  boolean controllerKnows(String jobId) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(List.of(get("EXEC").split(" ")));
    argv.addAll(List.of("scontrol", "-o", "show", "job", jobId));
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    p.getInputStream().readAllBytes();
    return p.waitFor() == 0;
  }

  /** Skips the test (or fails it when Slurm is required) unless it runs as root. */
  static void requireRoot(String why) {
    if (!"root".equals(System.getProperty("user.name"))) {
      unavailable(why + " needs root, and this test runs as " + System.getProperty("user.name"));
    }
  }

  /**
   * Restarts one daemon of this cluster with {@code scripts/local-slurm.sh restart} (as root) and
   * returns what the script said.
   */
  String restart(String daemon) throws IOException, InterruptedException {
    Path script = Path.of("..", "scripts", "local-slurm.sh").toAbsolutePath().normalize();
    return run(List.of(script.toString(), "restart", cluster, daemon));
  }

  private static String run(List<String> argv) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", argv) + " exited " + p.exitValue() + ": " + out);
    }
    return out;
  }

  /** The sites file the lab wrote for this cluster through this transport. */
  public Path sitesFile() {
    return Path.of(
        env.getOrDefault("FEDFLOW_SLURM_LAB", "/var/lib/fedflow-slurm-lab"),
        "sites-" + cluster + (transport.equals("ssh") ? "-ssh" : "") + ".yaml");
  }

  /** A path on the cluster as this machine reaches it (24 runs in a chroot). */
  public Path onHost(String clusterPath) {
    return Path.of(get("ROOT") + clusterPath);
  }

  /** Deletes a run's folder on a cluster of the lab, if the lab has it. */
  public static void removeRun(String cluster, String runId) throws IOException {
    Path file =
        Path.of(
            System.getenv().getOrDefault("FEDFLOW_SLURM_LAB", "/var/lib/fedflow-slurm-lab"), "env");
    if (!Files.isReadable(file)) {
      return;
    }
    Map<String, String> env = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      Matcher m = EXPORT.matcher(line);
      if (m.matches()) {
        env.put(m.group(1), m.group(2));
      }
    }
    SlurmLab lab = new SlurmLab(cluster, "rest", env);
    if (lab.get("WORKDIR").isEmpty() || runId.isBlank() || runId.contains("/")) {
      return;
    }
    Path run = lab.onHost(lab.get("WORKDIR") + "/" + runId);
    if (Files.isDirectory(run)) {
      try (var files = Files.walk(run)) {
        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
