package io.fedflow.connectors.slurm.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.commons.exec.CommandLine;
import org.junit.jupiter.api.Test;

/** The ssh argv, as Commons Exec will hand it to the process. */
class LoginNodeArgvTest {
  private static final SshSettings SETTINGS =
      new SshSettings(
          "login.leonardo.cineca.it",
          2222,
          "aricci00",
          Path.of("/home/a/.ssh/id_ed25519"),
          Path.of("/home/a/.ssh/known_hosts"),
          "10m");

  private final LoginNode node =
      new LoginNode(
          "leonardo", SETTINGS, Path.of("/run/user/1000/fedflow-ssh"), Duration.ofMinutes(1));

  @Test
  void optionsThenTheHostThenOneQuotedLine() {
    assertThat(node.argv(List.of("squeue", "--json")))
        .containsExactly(
            "ssh",
            "-o",
            "BatchMode=yes",
            "-o",
            "StrictHostKeyChecking=yes",
            "-o",
            "UserKnownHostsFile=/home/a/.ssh/known_hosts",
            "-i",
            "/home/a/.ssh/id_ed25519",
            "-o",
            "IdentitiesOnly=yes",
            "-o",
            "ControlMaster=auto",
            "-o",
            "ControlPath=/run/user/1000/fedflow-ssh/%C",
            "-o",
            "ControlPersist=10m",
            "-o",
            "ConnectTimeout=20",
            "-o",
            "ServerAliveInterval=30",
            "-o",
            "LogLevel=ERROR",
            "-p",
            "2222",
            "-l",
            "aricci00",
            "-T",
            "--",
            "login.leonardo.cineca.it",
            "'squeue' '--json'");
  }

  @Test
  void withoutKeyOrKnownHostsSshUsesTheUsersOwn() {
    LoginNode plain =
        new LoginNode(
            "leonardo",
            new SshSettings("login", null, "u", null, null, "yes"),
            Path.of("/tmp/c"),
            Duration.ofMinutes(1));
    assertThat(plain.argv(List.of("true")))
        .doesNotContain("-i", "-p")
        .noneMatch(a -> a.startsWith("UserKnownHostsFile"))
        .contains("StrictHostKeyChecking=yes", "ControlPersist=yes");
  }

  /** Commons Exec trims each argument: the quoted line keeps every blank of every word. */
  @Test
  void commonsExecPassesEveryArgumentUnchanged() {
    List<String> argv = node.argv(RemoteLineTest.TRICKY);
    CommandLine line = new CommandLine(argv.get(0));
    argv.subList(1, argv.size()).forEach(a -> line.addArgument(a, false));
    assertThat(List.of(line.toStrings())).isEqualTo(argv);
  }
}
