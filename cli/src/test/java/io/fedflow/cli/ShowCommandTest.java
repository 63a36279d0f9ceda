package io.fedflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShowCommandTest {
  private static final String CAMPAIGN = Cli.WORKFLOWS + "campaign.yaml";

  @Test
  void showsTheJobsWithDefaultsAppliedAndTheInstancesOfASmallFanOut() {
    Cli r = Cli.run("show", CAMPAIGN);

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .isEqualTo(
            """
            campaign: 5 jobs, 29 instances
            Fetch, simulate shard by shard, merge.
            params: shards=12
            limits: at most 50 jobs in flight, at most 2 of category io

            JOB          INSTANCES  NEEDS                       CPUS    GPUS  MEMORY  WALLTIME  RETRIES  CATEGORY
            fetch                3  -                              1       -    2GiB        1h        2  io
            simulate            12  fetch                          8       -   16GiB     2h30m        2  -
            reconstruct         12  simulate[item]                 1  1 A100    2GiB        1h        5  -
            merge                1  reconstruct                    1       -    2GiB        1h        2  -
            report               1  (final: runs last, always)     1       -    2GiB        1h        2  -

            JOB          INSTANCE IDS
            fetch        fetch[cern] fetch[cnaf] fetch[desy]
            simulate     simulate[01] simulate[02] … simulate[11] simulate[12] (12 instances)
            reconstruct  reconstruct[01] reconstruct[02] … reconstruct[11] reconstruct[12] (12 instances)
            """);
  }

  @Test
  void aBigFanOutListsNoInstanceIdsUnlessAsked() {
    Cli r = Cli.run("show", "--param", "shards=1000000", CAMPAIGN);

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .startsWith("campaign: 5 jobs, 2000005 instances\n")
        .contains("simulate       1000000  fetch ")
        .endsWith(
            "\nInstance ids not listed (2000005 instances): use --instances, or --all for every"
                + " one.\n");
  }

  @Test
  void instancesListsTheEndsOfABigFanOut() {
    Cli r = Cli.run("show", "--instances", "--param", "shards=1000000", CAMPAIGN);

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .endsWith(
            """
            JOB          INSTANCE IDS
            fetch        fetch[cern] fetch[cnaf] fetch[desy]
            simulate     simulate[0000001] simulate[0000002] … simulate[0999999] simulate[1000000] \
            (1000000 instances)
            reconstruct  reconstruct[0000001] reconstruct[0000002] … reconstruct[0999999] \
            reconstruct[1000000] (1000000 instances)
            """);
  }

  @Test
  void allListsEveryInstanceId() {
    Cli r = Cli.run("show", "--all", "--param", "shards=7", CAMPAIGN);

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .endsWith(
            """
            fetch (3 instances)
              fetch[cern]
              fetch[cnaf]
              fetch[desy]
            simulate (7 instances)
              simulate[1]
              simulate[2]
              simulate[3]
              simulate[4]
              simulate[5]
              simulate[6]
              simulate[7]
            reconstruct (7 instances)
              reconstruct[1]
              reconstruct[2]
              reconstruct[3]
              reconstruct[4]
              reconstruct[5]
              reconstruct[6]
              reconstruct[7]
            """);
  }

  @Test
  void aWorkflowWithoutFanOutHasNoInstanceList() {
    Cli r = Cli.run("show", Cli.WORKFLOWS + "chain.yaml");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .isEqualTo(
            """
            chain: 2 jobs, 2 instances

            JOB    INSTANCES  NEEDS  CPUS  GPUS  MEMORY  WALLTIME  RETRIES  CATEGORY
            greet          1  -         -     -       -         -        -  -
            shout          1  greet     -     -       -         -        -  -
            """);
  }

  @Test
  void aMissingFileIsReportedWithoutOutput() {
    Cli r = Cli.run("show", Cli.WORKFLOWS + "nope.yaml");

    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo(Cli.WORKFLOWS + "nope.yaml: cannot read: no such file\n");
  }
}
