package io.fedflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.cli.DisplayOptions.Mode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the run commands make of their arguments before they reach the engine. */
class CommandLineTest {
  @TempDir Path home;

  @Test
  void runChecksTheWorkflowFirstAndReportsEveryProblem() {
    Cli r = Cli.run("run", "--home", home.toString(), Cli.WORKFLOWS + "invalid.yaml");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith(
            Cli.WORKFLOWS
                + "invalid.yaml:7:13: jobs.train.resources.cpus: expected an integer of 1 or more"
                + " but found 'lots'\n")
        .hasLineCount(3);
    assertThat(home).isEmptyDirectory();
  }

  @Test
  void runAndSubmitOfAMissingFileSayWhy() {
    for (String command : new String[] {"run", "submit"}) {
      Cli r = Cli.run(command, "--home", home.toString(), "nowhere.yaml");

      assertThat(r.exitCode()).isEqualTo(3);
      assertThat(r.err()).isEqualTo("nowhere.yaml: cannot read: no such file\n");
    }
  }

  @Test
  void aParamTheWorkflowDoesNotDeclareIsInvalid() {
    Cli r =
        Cli.run(
            "submit",
            "--home",
            home.toString(),
            "--param",
            "shard=3",
            Cli.WORKFLOWS + "diamond.yaml");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).startsWith(Cli.WORKFLOWS + "diamond.yaml: params.shard: ");
  }

  @Test
  void missingArgumentsAreUsageErrors() {
    assertThat(Cli.run("run").exitCode()).isEqualTo(2);
    assertThat(Cli.run("status").exitCode()).isEqualTo(2);
    assertThat(Cli.run("resume").exitCode()).isEqualTo(2);
    assertThat(Cli.run("cancel").exitCode()).isEqualTo(2);

    Cli r = Cli.run("logs", "20261125-193201-ab12");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            """
            fedflow logs: Missing required parameter: 'JOB'
            Try 'fedflow logs --help' for more information.
            """);
  }

  @Test
  void anAttemptIsANumber() {
    Cli r = Cli.run("logs", "r", "split", "--attempt", "last");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("fedflow logs: Invalid value for option '--attempt': 'last' is not an int");
  }

  @Test
  void theHomeIsFedflowHomeElseDotFedflowInTheUsersHome() {
    String env = System.getenv("FEDFLOW_HOME");
    Path expected =
        env != null ? Path.of(env) : Path.of(System.getProperty("user.home"), ".fedflow");
    StatusCommand status = new StatusCommand();

    new picocli.CommandLine(status).parseArgs("20261125-193201-ab12");

    assertThat(status.home.home).isEqualTo(expected);
  }

  @Test
  void theBarIsForTerminalsOnly() {
    DisplayOptions none = new DisplayOptions();
    DisplayOptions plain = new DisplayOptions();
    plain.plain = true;
    DisplayOptions quiet = new DisplayOptions();
    quiet.quiet = true;

    assertThat(none.mode(true, "xterm-256color")).isEqualTo(Mode.BAR);
    assertThat(none.mode(false, "xterm-256color")).isEqualTo(Mode.LINES);
    assertThat(none.mode(true, "dumb")).isEqualTo(Mode.LINES);
    assertThat(plain.mode(true, "xterm")).isEqualTo(Mode.LINES);
    assertThat(quiet.mode(true, "xterm")).isEqualTo(Mode.NONE);
    assertThat(quiet.mode(false, null)).isEqualTo(Mode.NONE);
  }

  @Test
  void runEndsWithTheExitCodeOfTheRunsEnd() {
    assertThat(Exit.of(io.fedflow.engine.RunState.SUCCEEDED)).isZero();
    assertThat(Exit.of(io.fedflow.engine.RunState.FAILED)).isEqualTo(5);
    assertThat(Exit.of(io.fedflow.engine.RunState.CANCELLED)).isEqualTo(6);
  }
}
