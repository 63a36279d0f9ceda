package io.fedflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {

  @Test
  void helpListsTheCommandsAndTheExitCodes() {
    Cli r = Cli.run("--help");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("  validate  Check workflow files and report every problem.")
        .contains("  show      Show the jobs of a workflow as they would run.")
        .contains("  graph     Draw the job graph of a workflow.")
        .contains(
            """
            Exit codes:
               0   success
               1   a workflow is invalid (with the --param values given)
               2   a usage error: unknown option, missing argument, bad value
               3   a file cannot be read: missing, a directory, no permission
               4   an internal error of fedflow (details with --debug)
            """);
  }

  @Test
  void eachCommandsHelpListsTheExitCodes() {
    for (String command : new String[] {"validate", "show", "graph"}) {
      Cli r = Cli.run(command, "--help");

      assertThat(r.exitCode()).isZero();
      assertThat(r.out()).startsWith("Usage: fedflow " + command).contains("   3   a file cannot");
    }
  }

  @Test
  void versionIsTheProjectVersion() {
    Cli r = Cli.run("--version");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("fedflow 0.1.0-SNAPSHOT\nJava ");
  }

  @Test
  void debugMayComeBeforeOrAfterTheCommand() {
    String diamond = Cli.WORKFLOWS + "diamond.yaml";

    assertThat(Cli.run("--debug", "validate", diamond).exitCode()).isZero();
    assertThat(Cli.run("validate", "--debug", diamond).exitCode()).isZero();
  }

  @Test
  void noCommandIsAUsageError() {
    Cli r = Cli.run();

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            """
            fedflow: Missing a command: validate, show, graph or help
            Try 'fedflow --help' for more information.
            """);
  }

  @Test
  void aMistypedCommandGetsASuggestion() {
    Cli r = Cli.run("valdate", "x.yaml");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            """
            fedflow: Unmatched arguments from index 0: 'valdate', 'x.yaml'
            Did you mean: fedflow validate?
            Try 'fedflow --help' for more information.
            """);
  }

  @Test
  void anUnknownOptionIsAUsageErrorOfItsCommand() {
    Cli r = Cli.run("show", "--colour", Cli.WORKFLOWS + "diamond.yaml");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .startsWith("fedflow show: Unknown option: '--colour'")
        .endsWith("Try 'fedflow show --help' for more information.\n");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void aParamWithoutAValueIsAUsageError() {
    Cli r = Cli.run("validate", "--param", "shards", Cli.WORKFLOWS + "diamond.yaml");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            """
            fedflow validate: Value for option option '--param' (NAME=VALUE) should be in \
            KEY=VALUE format but was shards
            Try 'fedflow validate --help' for more information.
            """);
  }
}
