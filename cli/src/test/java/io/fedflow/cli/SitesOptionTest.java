package io.fedflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --sites FILE} on run, submit and resume, and {@code fedflow sites FILE}, offline. */
@Timeout(120)
class SitesOptionTest {
  private static final Pattern STARTED =
      Pattern.compile("^run (\\d{8}-\\d{6}-[0-9a-f]{4}) ", Pattern.MULTILINE);

  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private Cli fedflow(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--home";
    all[args.length + 1] = dir.resolve("home").toString();
    return Cli.run(all);
  }

  @Test
  void aRunOnTheSitesOfAFileRecordsThemAndItsJobsGoThere() throws IOException {
    Path sites = file("mem.yaml", "version: 1\nsites:\n  mem:\n    type: memory\n");

    Cli r = fedflow("run", "--plain", Cli.example("diamond.yaml"), "--sites", sites.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    Matcher m = STARTED.matcher(r.out());
    assertThat(m.find()).isTrue();
    Cli status = fedflow("status", m.group(1));
    assertThat(status.out())
        .containsPattern("\nsplit +succeeded +mem +1 ")
        .containsPattern("\njoin +succeeded +mem +1 ");
  }

  @Test
  void aJobThatFitsNoPartitionStopsTheRunBeforeAnythingIsRecorded() throws IOException {
    Path sites =
        file(
            "slurm.yaml",
            """
            version: 1
            sites:
              hpc:
                type: slurm
                url: http://127.0.0.1:9
                user: someone
                token: env:NO_TOKEN_NEEDED
                workdir: /scratch/someone
                partitions:
                  short: {maxWalltime: 1h, cpusPerNode: 8}
            """);
    Path wf =
        file(
            "long.yaml",
            """
            version: 1
            name: long
            jobs:
              train:
                command: [sleep, "1"]
                resources: {cpus: 16, walltime: 2h}
            """);

    Cli r = fedflow("run", "--plain", wf.toString(), "--sites", sites.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .isEqualTo(
            "job train: site hpc: needs walltime 2h but partition short allows at most 1h\n"
                + "job train: site hpc: needs 16 cpus but partition short allows at most 8\n");
    assertThat(fedflow("runs").out()).doesNotContain("long");
  }

  @Test
  void aBadSitesFileNamesEachProblemWithItsLine() throws IOException {
    Path sites =
        file(
            "bad.yaml",
            """
            version: 1
            sites:
              hpc:
                type: slurm
                url: slurm.example
                user: someone
                workdir: scratch
            """);

    Cli r = fedflow("run", "--plain", Cli.example("diamond.yaml"), "--sites", sites.toString());

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            sites
                + ":5:5: sites.hpc.url: expected an http(s) URL like http://slurm.example:6820"
                + " but found 'slurm.example'\n"
                + sites
                + ":3:3: sites.hpc.token: required\n"
                + sites
                + ":7:5: sites.hpc.workdir: expected an absolute folder on the cluster but found"
                + " 'scratch'\n");
    assertThat(Cli.run("sites", sites.toString()).err()).isEqualTo(r.err());
    assertThat(Cli.run("sites", dir.resolve("none.yaml").toString()).exitCode()).isEqualTo(3);
  }

  @Test
  void theLeonardoConfigsCheckWithTheirVariablesAndSayWhichAreUnset() {
    Path booster = Path.of(Cli.example("diamond.yaml")).getParent().getParent();
    Path file = booster.resolve("site-configs").resolve("leonardo-booster.yaml");

    Cli r = Cli.run("sites", file.toString());

    // The test's environment has no Leonardo account: each variable is named where it is used.
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .contains(
            file
                + ":14:11: sites.leonardo-booster.user: expected the environment variable"
                + " LEONARDO_USER to be set but found it unset\n");
  }

  @Test
  void sitesChecksAGoodFileWithoutReachingItsSites() throws IOException {
    Path sites =
        file(
            "ok.yaml",
            """
            version: 1
            sites:
              hpc:
                type: slurm
                url: http://127.0.0.1:9
                user: someone
                token: file:/nowhere/jwt
                workdir: /scratch/someone
              mem:
                type: memory
            """);

    Cli r = Cli.run("sites", sites.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .isEqualTo(sites + ": site hpc (slurm): ok\n" + sites + ": site mem (memory): ok\n");
  }
}
