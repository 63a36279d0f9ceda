package io.fedflow.connectors.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedflow.connectors.slurm.rest.ApiVersion;
import io.fedflow.connectors.slurm.rest.JobRecord;
import io.fedflow.connectors.slurm.rest.JobRequest;
import io.fedflow.connectors.slurm.ssh.LoginNode;
import io.fedflow.connectors.slurm.ssh.SlurmCommands;
import io.fedflow.connectors.slurm.ssh.SshSettings;
import io.fedflow.engine.connector.ConnectorException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What only the SSH transport does, against the lab's sshd on each cluster: one connection for all
 * commands, words that reach the login node untouched, the version read from {@code sbatch
 * --version}, ssh's own failures, and no key in any log line or message.
 */
@Tag("slurm-cluster")
class SshTransportClusterTest {
  private static final List<String> TRICKY =
      List.of(
          " leading",
          "trailing ",
          "it's",
          "\"double\"",
          "$HOME",
          "$(id)",
          "`id`",
          "*",
          "a  b",
          "line\nbreak",
          "semi;colon | cat",
          "",
          "-n");

  @TempDir Path controlDir;

  static List<String> clusters() {
    return SlurmLab.clusters();
  }

  private SshSettings settings(SlurmLab lab) {
    return new SshSettings(
        lab.get("SSH_HOST"),
        Integer.parseInt(lab.get("SSH_PORT")),
        lab.get("USER"),
        Path.of(lab.get("SSH_KEY")),
        Path.of(lab.get("SSH_KNOWN_HOSTS")),
        "5s");
  }

  private LoginNode node(SlurmLab lab, SshSettings settings) {
    return new LoginNode("lab" + lab.cluster(), settings, controlDir, Duration.ofMinutes(1));
  }

  @ParameterizedTest(name = "Slurm {0}")
  @MethodSource("clusters")
  void oneConnectionServesEveryCommand(String cluster) throws Exception {
    SlurmLab lab = SlurmLab.require(cluster, "ssh");
    LoginNode node = node(lab, settings(lab));
    long before = logins(lab);
    try {
      SlurmCommands slurm = SlurmCommands.connect(node, "lab" + cluster, "auto");
      assertThat(slurm.version())
          .isEqualTo(cluster.equals("22") ? ApiVersion.V0038 : ApiVersion.V0042);
      slurm.ping();
      assertThat(slurm.nodes()).isNotEmpty();
      assertThat(slurm.partitions()).extracting(p -> p.name()).contains(lab.get("PARTITION"));
      slurm.jobs();
      assertThat(slurm.accountingJobsNamed(List.of("never-" + UUID.randomUUID()))).isEmpty();
      slurm.cancel(999_999_999L);
      // sshd logs one line per authenticated connection.
      assertThat(logins(lab) - before).isEqualTo(1);
      measure(lab, node);
    } finally {
      node.stopMaster();
    }
  }

  @ParameterizedTest(name = "Slurm {0}")
  @MethodSource("clusters")
  void wordsReachTheLoginNodeUntouched(String cluster) throws Exception {
    SlurmLab lab = SlurmLab.require(cluster, "ssh");
    LoginNode node = node(lab, settings(lab));
    try {
      List<String> argv = new ArrayList<>(List.of("printf", "%s\\0"));
      argv.addAll(TRICKY);
      LoginNode.Result r = node.run(argv, null);
      assertThat(r.exit()).isZero();
      assertThat(List.of(r.out().split("\0", -1)).subList(0, TRICKY.size())).isEqualTo(TRICKY);

      // The same words as sbatch options, read back from slurmctld.
      SlurmCommands slurm = SlurmCommands.connect(node, "lab" + cluster, "auto");
      String token = "fft-" + UUID.randomUUID();
      String comment = "it's $HOME `id` a  b;|& *";
      long id = slurm.submit(request(lab, token, comment, Map.of("PATH", "/usr/bin:/bin")));
      JobRecord job = slurm.jobs().stream().filter(j -> j.id() == id).findFirst().orElseThrow();
      assertThat(job.name()).isEqualTo(token);
      assertThat(job.comment()).isEqualTo(comment);
      slurm.cancel(id);
    } finally {
      node.stopMaster();
    }
  }

  @ParameterizedTest(name = "Slurm {0}")
  @MethodSource("clusters")
  void sshFailuresNameTheLoginNodeAndWhetherToTryAgain(String cluster) throws Exception {
    SlurmLab lab = SlurmLab.require(cluster, "ssh");
    SshSettings good = settings(lab);
    Path stranger = controlDir.resolve("stranger");
    Process keygen =
        new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", stranger.toString())
            .start();
    assertThat(keygen.waitFor()).isZero();
    SshSettings wrongKey =
        new SshSettings(good.host(), good.port(), good.user(), stranger, good.knownHosts(), "5s");
    String where = good.user() + "@" + good.host() + ":" + good.port();
    assertThatThrownBy(() -> node(lab, wrongKey).run(List.of("true"), null))
        .isInstanceOfSatisfying(ConnectorException.class, e -> assertThat(e.isTransient()).isTrue())
        .hasMessage(
            "site lab"
                + cluster
                + ": ssh to "
                + where
                + " failed (exit 255) running true: "
                + good.user()
                + "@"
                + good.host()
                + ": Permission denied (publickey). (log in again: load your key or certificate"
                + " into your agent, ssh-add)");

    Path empty = Files.createFile(controlDir.resolve("known_hosts"));
    SshSettings unknownHost =
        new SshSettings(good.host(), good.port(), good.user(), good.identityFile(), empty, "5s");
    assertThatThrownBy(() -> node(lab, unknownHost).run(List.of("true"), null))
        .isInstanceOfSatisfying(
            ConnectorException.class, e -> assertThat(e.isTransient()).isFalse())
        .hasMessageStartingWith(
            "site lab" + cluster + ": ssh to " + where + " failed (exit 255) running true: ")
        .hasMessageEndingWith(
            "Host key verification failed. (the host key is not in known_hosts, or changed)");
  }

  @ParameterizedTest(name = "Slurm {0}")
  @MethodSource("clusters")
  void theKeyAppearsInNoLogLineAndNoMessage(String cluster) throws Exception {
    SlurmLab lab = SlurmLab.require(cluster, "ssh");
    List<String> secret =
        Files.readAllLines(Path.of(lab.get("SSH_KEY"))).stream()
            .filter(l -> !l.startsWith("-----") && !l.isBlank())
            .toList();
    assertThat(secret).isNotEmpty();
    StringWriter log = new StringWriter();
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    WriterAppender appender =
        WriterAppender.newBuilder()
            .setName("capture-ssh")
            .setTarget(log)
            .setLayout(PatternLayout.newBuilder().withPattern("%m%n").build())
            .build();
    appender.start();
    ctx.getConfiguration().getRootLogger().addAppender(appender, Level.ALL, null);
    Configurator.setRootLevel(Level.ALL);
    StringBuilder messages = new StringBuilder();
    LoginNode node = node(lab, settings(lab));
    try {
      SlurmCommands slurm = SlurmCommands.connect(node, "lab" + cluster, "auto");
      long id =
          slurm.submit(
              request(lab, "fft-" + UUID.randomUUID(), "secretless", Map.of("PATH", "/bin")));
      slurm.jobs();
      slurm.cancel(id);
      JobRequest refused =
          new JobRequest(
              "fft-refused",
              null,
              "#!/bin/sh\ntrue\n",
              null,
              null,
              lab.get("WORKDIR"),
              null,
              "/dev/null",
              "/dev/null",
              null,
              null,
              null,
              null,
              null,
              "no-such-partition",
              null,
              null,
              null);
      try {
        slurm.submit(refused);
      } catch (ConnectorException e) {
        messages.append(e.getMessage()).append('\n');
      }
    } finally {
      node.stopMaster();
      ctx.getConfiguration().getRootLogger().removeAppender("capture-ssh");
      Configurator.setRootLevel(Level.ERROR);
    }
    assertThat(log.toString()).contains("sbatch").contains(lab.get("SSH_HOST"));
    assertThat(messages.toString())
        .contains(
            "site lab"
                + cluster
                + ": sbatch --parsable --job-name=fft-refused --chdir="
                + lab.get("WORKDIR")
                + " --output=/dev/null --error=/dev/null --ntasks=1 --partition=no-such-partition"
                + " --export=NONE failed with exit code 1: sbatch: error: invalid partition"
                + " specified: no-such-partition");
    for (String line : secret) {
      assertThat(log.toString()).doesNotContain(line);
      assertThat(messages.toString()).doesNotContain(line);
    }
  }

  private static JobRequest request(
      SlurmLab lab, String token, String comment, Map<String, String> env) {
    return new JobRequest(
        token,
        comment,
        "#!/bin/sh\nsleep 30\n",
        null,
        env,
        lab.get("WORKDIR"),
        null,
        "/dev/null",
        "/dev/null",
        1,
        null,
        null,
        null,
        2,
        lab.get("PARTITION"),
        lab.get("ACCOUNT"),
        null,
        null);
  }

  private static long logins(SlurmLab lab) throws IOException {
    try (var lines = Files.lines(Path.of(lab.get("SSH_LOG")))) {
      return lines.filter(l -> l.contains("Accepted publickey for " + lab.get("USER"))).count();
    }
  }

  /** Figures for docs/slurm-connector.md: a command over the warm master, and over a new one. */
  private void measure(SlurmLab lab, LoginNode node) throws Exception {
    int n = 10;
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      node.run(List.of("true"), null);
    }
    double warm = (System.nanoTime() - t0) / 1e6 / n;
    long t1 = System.nanoTime();
    for (int i = 0; i < 3; i++) {
      node.stopMaster();
      node.run(List.of("true"), null);
    }
    double cold = (System.nanoTime() - t1) / 1e6 / 3;
    System.out.printf(
        "Slurm %s over ssh: a command takes %.0f ms over the warm master, %.0f ms over a new"
            + " connection%n",
        lab.cluster(), warm, cold);
  }
}
