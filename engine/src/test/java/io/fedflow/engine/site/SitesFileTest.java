package io.fedflow.engine.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedflow.engine.connector.SiteConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SitesFileTest {
  private static final Map<String, String> ENV = Map.of("LAB_USER", "alice", "ACCT", "proj1");

  private static SitesFile parse(String text) {
    return SitesFile.parse(text, "sites.yaml", ENV::get);
  }

  private static List<String> problems(String text) {
    try {
      parse(text);
    } catch (SitesException e) {
      return e.problems();
    }
    throw new AssertionError("no problem found in " + text);
  }

  @Test
  void nestedSettingsBecomeDottedKeysInTheOrderWrittenWithVariablesResolved() {
    SitesFile f =
        parse(
            """
            version: 1
            sites:
              lab22:
                type: slurm
                user: ${env:LAB_USER}
                workdir: /home/${env:LAB_USER}/jobs
                partitions:
                  short: {maxNodes: 1, maxWalltime: 1h}
                  long:
                    maxWalltime: 2d
              here:
                type: local
            """);

    assertThat(f.sites())
        .containsExactly(
            new SiteConfig(
                "lab22",
                "slurm",
                Map.of(
                    "user", "alice",
                    "workdir", "/home/alice/jobs",
                    "partitions.short.maxNodes", "1",
                    "partitions.short.maxWalltime", "1h",
                    "partitions.long.maxWalltime", "2d")),
            new SiteConfig("here", "local", Map.of()));
    assertThat(f.sites().get(0).settings().keySet())
        .containsExactly(
            "user",
            "workdir",
            "partitions.short.maxNodes",
            "partitions.short.maxWalltime",
            "partitions.long.maxWalltime");
    assertThat(f.source().env()).isEqualTo(Map.of("LAB_USER", "alice"));
  }

  @Test
  void everyProblemOfAFileIsReportedAtOnceWithItsPlace() {
    assertThat(
            problems(
                """
                version: 2
                sites:
                  lab22:
                    user: ${env:NOBODY}
                    account: ${ACCT}
                    tags: [a, b]
                    empty:
                  "bad name":
                    type: local
                  ok:
                    type: local
                    x.y: 1
                colour: blue
                """))
        .containsExactly(
            "sites.yaml:1:10: version: expected 1 but found '2'",
            "sites.yaml:3:3: sites.lab22.type: expected a site type such as slurm but found"
                + " nothing",
            "sites.yaml:4:11: sites.lab22.user: expected the environment variable NOBODY to be set"
                + " but found it unset",
            "sites.yaml:5:14: sites.lab22.account: expected ${env:NAME} for a variable but found"
                + " '${ACCT}'",
            "sites.yaml:6:11: sites.lab22.tags: expected a value or a map of settings but found a"
                + " list",
            "sites.yaml:7:11: sites.lab22.empty: expected a value or a map of settings but found"
                + " nothing",
            "sites.yaml:8:3: sites.<key>: expected a site name (letters, digits, _ and -) but found"
                + " 'bad name'",
            "sites.yaml:12:5: sites.ok.<key>: expected a key (letters, digits, _ and -) but found"
                + " 'x.y'",
            "sites.yaml:13:1: colour: expected one of version, sites but found 'colour'");
  }

  @Test
  void aSyntaxErrorIsOneLineAtItsPlace() {
    assertThat(problems("version: 1\nsites:\n  a: [b\n"))
        .singleElement()
        .asString()
        .startsWith("sites.yaml:4:1: file: expected valid YAML but found a syntax error: ");
  }

  @Test
  void anEmptyFileAndAMissingFileSaySo(@TempDir Path dir) {
    assertThat(problems(""))
        .containsExactly(
            "sites.yaml:1:1: file: expected a sites file (version: 1, sites: a map of sites) but"
                + " found nothing");
    Path missing = dir.resolve("none.yaml");
    assertThatThrownBy(() -> SitesFile.read(missing))
        .isInstanceOf(SitesException.class)
        .hasMessage(missing + ": cannot read: no such file");
  }

  @Test
  void aProvidersProblemIsPlacedAtItsKeyOrAtTheSite(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("s.yaml");
    Files.writeString(file, "version: 1\nsites:\n  lab:\n    type: slurm\n    url: nope\n");
    SitesFile f = SitesFile.read(file);

    assertThat(f.locate("site lab: url: expected an http(s) URL but found 'nope'"))
        .isEqualTo(file + ":5:5: sites.lab.url: expected an http(s) URL but found 'nope'");
    assertThat(f.locate("site lab: token: required"))
        .isEqualTo(file + ":3:3: sites.lab.token: required");
  }

  @Test
  void aRecordedFileReadsAgainWithTheValuesItWasReadWith() {
    SitesFile first =
        parse("version: 1\nsites:\n  a:\n    type: local\n    user: ${env:LAB_USER}\n");

    SitesFile again = SitesFile.parse(first.source());

    assertThat(again.sites()).isEqualTo(first.sites());
    assertThat(again.source()).isEqualTo(first.source());
  }
}
