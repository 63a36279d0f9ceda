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
        .contains("  run       Run a workflow to its end, showing its progress.")
        .contains("  submit    Record a run of a workflow and run it in the background.")
        .contains("  runs      List the runs, newest first.")
        .contains("  status    Show a run's state and its jobs.")
        .contains("  logs      Print the output of a job.")
        .contains("  cancel    Cancel a run.")
        .contains("  resume    Go on with a run to its end, showing its progress as run does.")
        .contains("  sites     Check a sites file without reaching its sites.")
        .contains(
            """
            Exit codes:
               0   success
               1   a workflow or sites file is invalid (with the --param values given), or
                     a job fits no site
               2   a usage error: unknown option, missing argument, bad value
               3   a file cannot be read: missing, a directory, no permission
               4   an internal error of fedflow (details with --debug)
               5   the run failed: a job failed for good
               6   the run was cancelled
               7   no such run or job, or the engine's database is locked or corrupt
            """);
  }

  @Test
  void eachCommandsHelpListsTheExitCodesItCanReturn() {
    assertThat(exitCodesInHelp("validate")).isEqualTo("0 1 2 3 4");
    assertThat(exitCodesInHelp("show")).isEqualTo("0 1 2 3 4");
    assertThat(exitCodesInHelp("graph")).isEqualTo("0 1 2 3 4");
    assertThat(exitCodesInHelp("run")).isEqualTo("0 1 2 3 4 5 6 7");
    assertThat(exitCodesInHelp("submit")).isEqualTo("0 1 2 3 4 7");
    assertThat(exitCodesInHelp("resume")).isEqualTo("0 1 2 3 4 5 6 7");
    assertThat(exitCodesInHelp("sites")).isEqualTo("0 1 2 3 4");
    assertThat(exitCodesInHelp("runs")).isEqualTo("0 2 4 7");
    assertThat(exitCodesInHelp("status")).isEqualTo("0 2 4 7");
    assertThat(exitCodesInHelp("cancel")).isEqualTo("0 2 4 7");
    assertThat(exitCodesInHelp("logs")).isEqualTo("0 2 3 4 7");
  }

  private static String exitCodesInHelp(String command) {
    Cli r = Cli.run(command, "--help");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("Usage: fedflow " + command);
    String codes = r.out().substring(r.out().indexOf("Exit codes:\n"));
    return codes
        .lines()
        .filter(l -> l.matches("   \\d   .*"))
        .map(l -> l.substring(3, 4))
        .reduce((a, b) -> a + " " + b)
        .orElse("");
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
            fedflow: Missing a command: validate, show, graph, run, submit, runs, status, logs, \
            cancel, resume, sites or help
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
            Did you mean: fedflow validate or fedflow sites or fedflow status?
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
