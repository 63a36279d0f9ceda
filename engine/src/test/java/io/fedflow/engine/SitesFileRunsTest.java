package io.fedflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedflow.dag.Workflow;
import io.fedflow.engine.site.SitesException;
import io.fedflow.engine.site.SitesFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs on the sites of a sites file: placement by name, the file recorded with the run. */
class SitesFileRunsTest {
  private static final String TWO_SITES =
      """
      version: 1
      sites:
        mem-a:
          type: memory
        mem-b:
          type: memory
          slots: 3
      """;

  @TempDir Path home;

  private static SitesFile sites(String text) {
    return SitesFile.parse(text, "sites.yaml", name -> null);
  }

  @Test
  void aJobGoesToTheFirstSiteItsPlacementNamesAndTheOthersToTheFirstSite() {
    Workflow wf =
        Workflow.named("two")
            .job("anywhere", j -> j.command("true"))
            .job("onB", j -> j.command("true").sites("mem-b", "mem-a"))
            .build();
    try (Engine engine = Engine.open(EngineConfig.at(home))) {
      RunRecord run = engine.submit(wf, null, Map.of(), sites(TWO_SITES));

      assertThat(engine.follow(run.id(), p -> {})).isEqualTo(RunState.SUCCEEDED);
      assertThat(engine.jobs(run.id()))
          .extracting(JobRow::instanceId, JobRow::site)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("anywhere", "mem-a"),
              org.assertj.core.groups.Tuple.tuple("onB", "mem-b"));
    }
  }

  @Test
  void aPlacementNamingSitesNotConfiguredRecordsNothing() {
    Workflow wf =
        Workflow.named("lost")
            .job("a", j -> j.command("true").sites("cineca", "mem-a", "cnaf"))
            .job("b", j -> j.command("true").excludeSites("mem-a", "mem-b"))
            .build();
    try (Engine engine = Engine.open(EngineConfig.at(home))) {
      assertThatThrownBy(() -> engine.submit(wf, null, Map.of(), sites(TWO_SITES)))
          .isInstanceOf(SitesException.class)
          .extracting(e -> ((SitesException) e).problems())
          .isEqualTo(
              List.of(
                  "job a: placement.sites names cineca, cnaf, which are not configured (sites:"
                      + " mem-a, mem-b)",
                  "job b: no site it may run on: its placement excludes mem-a, mem-b (sites:"
                      + " mem-a, mem-b)"));
      assertThat(engine.runs()).isEmpty();
    }
  }

  @Test
  void aSitesProblemNamesItsPlaceInTheFileAndRecordsNothing() {
    Workflow wf = Workflow.named("one").job("a", j -> j.command("true")).build();
    String bad = TWO_SITES + "  other:\n    type: condor\n";
    try (Engine engine = Engine.open(EngineConfig.at(home))) {
      assertThatThrownBy(() -> engine.submit(wf, null, Map.of(), sites(bad)))
          .isInstanceOf(SitesException.class)
          .hasMessage(
              "sites.yaml:9:5: sites.other.type: expected a site type that a connector serves"
                  + " (batching-memory, local, memory, pausing-local) but found 'condor'");
      assertThat(engine.runs()).isEmpty();
    }
  }

  @Test
  void aRunFollowedByAnotherEngineUsesTheSitesItRecorded() {
    Workflow wf = Workflow.named("one").job("a", j -> j.command("true")).build();
    String id;
    try (Engine engine = Engine.open(EngineConfig.at(home))) {
      id = engine.submit(wf, null, Map.of(), sites(TWO_SITES)).id();
    }
    try (Engine engine = Engine.open(EngineConfig.at(home))) {
      assertThat(engine.follow(id, p -> {})).isEqualTo(RunState.SUCCEEDED);
      assertThat(engine.jobs(id).get(0).site()).isEqualTo("mem-a");
      assertThat(engine.sites(id)).contains(sites(TWO_SITES).source());
    }
  }

  @Test
  void aSitesFileGivenWhenFollowingReplacesTheOneRecorded() {
    Workflow wf = Workflow.named("one").job("a", j -> j.command("true")).build();
    SitesFile other = sites("version: 1\nsites:\n  mem-c:\n    type: memory\n");
    try (Engine engine = Engine.open(EngineConfig.at(home))) {
      String id = engine.submit(wf, null, Map.of(), sites(TWO_SITES)).id();

      assertThat(engine.follow(id, other, p -> {})).isEqualTo(RunState.SUCCEEDED);

      assertThat(engine.jobs(id).get(0).site()).isEqualTo("mem-c");
      assertThat(engine.sites(id)).contains(other.source());
    }
  }

  @Test
  void aRunOnTheEnginesOwnSitesRecordsNoSitesFile() {
    Workflow wf = Workflow.named("one").job("a", j -> j.command("true")).build();
    try (Engine engine = Engine.open(EngineConfig.at(home))) {
      RunRecord run = engine.submit(wf, null, Map.of());
      assertThat(engine.sites(run.id())).isEmpty();
    }
  }
}
