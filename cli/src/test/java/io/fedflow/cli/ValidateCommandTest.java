package io.fedflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidateCommandTest {
  private static final String CAMPAIGN = Cli.WORKFLOWS + "campaign.yaml";
  private static final String DIAMOND = Cli.WORKFLOWS + "diamond.yaml";
  private static final String INVALID = Cli.WORKFLOWS + "invalid.yaml";
  private static final String TANGLED = Cli.WORKFLOWS + "tangled.yaml";
  private static final String MALFORMED = Cli.WORKFLOWS + "malformed.yaml";
  private static final String MISSING = Cli.WORKFLOWS + "missing.yaml";

  @Test
  void validFilesAreOkWithTheirSize() {
    Cli r = Cli.run("validate", DIAMOND, CAMPAIGN);

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .isEqualTo(
            DIAMOND
                + ": ok, 5 jobs, 9 instances\n"
                + CAMPAIGN
                + ": ok, 5 jobs, 29 instances\n"
                + "2 files: 2 ok\n");
  }

  @Test
  void anInvalidWorkflowGetsEveryProblemWithItsLineAndNoStackTrace() {
    Cli r = Cli.run("validate", INVALID);

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            INVALID
                + ":7:13: jobs.train.resources.cpus: expected an integer of 1 or more but found"
                + " 'lots'\n"
                + INVALID
                + ":8:15: jobs.train.resources.memory: expected a size like 8GiB or 500MiB but"
                + " found '8 gigs'\n"
                + INVALID
                + ":11:14: jobs.merge.retries: expected a number of retries like 3, or a map like"
                + " {count: 3, backoff: {initial: 30s}} but found 'three'\n"
                + INVALID
                + ": invalid, 3 problems\n");
  }

  @Test
  void problemsOfTheJobGraphAreLocatedToo() {
    Cli r = Cli.run("validate", TANGLED);

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            TANGLED
                + ":5:12: jobs.a.needs: expected no cycle but found the cycle a -> c -> b -> a\n"
                + TANGLED
                + ":11:16: jobs.c.needs[1]: expected the id of a job of this workflow but found"
                + " 'reconstrct'\n"
                + TANGLED
                + ": invalid, 2 problems\n");
  }

  @Test
  void aFileThatIsNotYamlIsInvalid() {
    Cli r = Cli.run("validate", MALFORMED);

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            MALFORMED
                + ":6:1: file: expected valid YAML but found a syntax error: expected ',' or ']',"
                + " but got <stream end> (while parsing a flow sequence started at line 5, column"
                + " 14)\n"
                + MALFORMED
                + ": invalid, 1 problem\n");
  }

  @Test
  void aMissingFileCannotBeRead() {
    Cli r = Cli.run("validate", MISSING);

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo(MISSING + ": cannot read: no such file\n");
  }

  @Test
  void aDirectoryCannotBeRead() {
    Cli r = Cli.run("validate", Cli.WORKFLOWS);

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.err()).isEqualTo("src/test/resources/workflows: cannot read: it is a directory\n");
  }

  @Test
  void everyFileIsCheckedAndTheWorstExitCodeWins() {
    Cli r = Cli.run("validate", MISSING, DIAMOND, INVALID);

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).isEqualTo(DIAMOND + ": ok, 5 jobs, 9 instances\n");
    assertThat(r.err())
        .startsWith(MISSING + ": cannot read: no such file\n" + INVALID + ":7:13: ")
        .endsWith(INVALID + ": invalid, 3 problems\n3 files: 1 ok, 1 invalid, 1 unreadable\n");
  }

  @Test
  void aParamThatTheWorkflowDoesNotDeclareIsAProblemOfTheFile() {
    Cli r = Cli.run("validate", "--param", "nope=1", CAMPAIGN);

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            CAMPAIGN
                + ": params.nope: expected a declared parameter (shards) but found 'nope'\n"
                + CAMPAIGN
                + ": invalid, 1 problem\n");
  }

  @Test
  void aParamValueIsCheckedWhereTheWorkflowUsesIt() {
    Cli r = Cli.run("validate", "--param", "shards=many", CAMPAIGN);

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .startsWith(
            CAMPAIGN
                + ": jobs.simulate.forEach.range.to: expected an integer in params.shards but"
                + " found 'many'\n");
  }

  @Test
  void aParamChangesTheSizeOfTheRun() {
    Cli r = Cli.run("validate", "--param", "shards=1000", CAMPAIGN);

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo(CAMPAIGN + ": ok, 5 jobs, 2005 instances\n");
  }
}
