package io.fedflow.connectors.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.dag.JobSpec;
import io.fedflow.dag.Workflow;
import io.fedflow.dag.plan.JobInstance;
import io.fedflow.engine.Engine;
import io.fedflow.engine.EngineConfig;
import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import io.fedflow.engine.RunRecord;
import io.fedflow.engine.RunState;
import io.fedflow.engine.connector.Connector;
import io.fedflow.engine.connector.Observation;
import io.fedflow.engine.connector.SiteJob;
import io.fedflow.engine.connector.SiteState;
import io.fedflow.engine.connector.Submission;
import io.fedflow.engine.connector.SubmitAnswer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Job arrays on the lab's real clusters, through the connector and through the engine. */
@Tag("slurm-cluster")
class SlurmArrayClusterTest {
  private static final Duration PATIENCE = Duration.ofSeconds(180);
  private static final Set<SiteState> ENDED =
      EnumSet.of(SiteState.SUCCEEDED, SiteState.FAILED, SiteState.CANCELLED);
  private final String runId = "ita-" + UUID.randomUUID().toString().substring(0, 8);
  private final List<String> engineRuns = new ArrayList<>();
  @TempDir Path home;

  static List<String> clusters() {
    return SlurmLab.clusters();
  }

  @AfterEach
  void removeTheRunsFolders() throws IOException {
    for (String cluster : SlurmLab.clusters()) {
      SlurmLab.removeRun(cluster, runId);
      for (String run : engineRuns) {
        SlurmLab.removeRun(cluster, run);
      }
    }
  }

  @ParameterizedTest(name = "Slurm {0}")
  @MethodSource("clusters")
  void fiftyAttemptsGoAsOneArrayAndANewConnectorFindsEachTask(String cluster) throws Exception {
    SlurmLab lab = SlurmLab.require(cluster);
    List<Submission> all = new ArrayList<>();
    for (int n = 1; n <= 50; n++) {
      String code = n == 7 ? "3" : "0";
      JobSpec spec =
          JobSpec.builder("sim")
              .command(
                  "sh", "-c", "printf '%s|' \"$0\" \"$1\"; exit \"$2\"", "it's " + n, "$HOME", code)
              .build();
      all.add(submission("sim", n, spec));
    }
    Map<String, SiteJob> jobs = new HashMap<>();
    try (Connector site = SlurmConnectorClusterTest.open(lab, Map.of())) {
      Map<String, SubmitAnswer> answers = site.submitAll(all);
      answers.forEach((token, a) -> jobs.put(token, a.job()));
      assertThat(jobs.values()).doesNotContainNull();
      Set<String> arrays =
          jobs.values().stream().map(j -> j.nativeId().split("_")[0]).collect(Collectors.toSet());
      assertThat(arrays).hasSize(1);
      String array = arrays.iterator().next();
      for (int n = 1; n <= 50; n++) {
        assertThat(jobs.get(runId + "." + n).nativeId()).isEqualTo(array + "_" + (n - 1));
      }

      Map<SiteJob, Observation> ended = awaitEnd(site, jobs.values());
      for (Submission s : all) {
        Observation o = ended.get(jobs.get(s.token()));
        boolean fails = s.instanceId().equals("sim[7]");
        assertThat(o.state()).isEqualTo(fails ? SiteState.FAILED : SiteState.SUCCEEDED);
        assertThat(o.exitCode()).isEqualTo(fails ? 3 : 0);
        ClusterPaths paths = ClusterPaths.of(lab.get("WORKDIR"), s);
        long n = s.instance().index();
        assertThat(read(lab, paths.attempt() + "/stdout")).isEqualTo("it's " + n + "|$HOME|");
      }
    }
    // As after a crash: the tokens were recorded, the answers were not.
    try (Connector recovered = SlurmConnectorClusterTest.open(lab, Map.of())) {
      List<String> tokens = new ArrayList<>(jobs.keySet());
      tokens.add(runId + ".999");
      assertThat(recovered.find(tokens)).isEqualTo(jobs);
    }
  }

  @ParameterizedTest(name = "Slurm {0}")
  @MethodSource("clusters")
  void maxArraySizeCutsARunOfTokensIntoSeveralArrays(String cluster) throws Exception {
    SlurmLab lab = SlurmLab.require(cluster);
    List<Submission> all = new ArrayList<>();
    for (int n = 1; n <= 10; n++) {
      all.add(submission("short", n, JobSpec.builder("short").command("true").build()));
    }
    try (Connector site = SlurmConnectorClusterTest.open(lab, Map.of("maxArraySize", "4"))) {
      List<SiteJob> jobs = site.submitAll(all).values().stream().map(SubmitAnswer::job).toList();
      assertThat(jobs)
          .extracting(j -> j.nativeId().replaceAll("^[0-9]+_", ""))
          .containsExactly("0", "1", "2", "3", "0", "1", "2", "3", "0", "1");
      assertThat(jobs.stream().map(j -> j.nativeId().split("_")[0]).distinct()).hasSize(3);
      assertThat(awaitEnd(site, jobs).values())
          .extracting(Observation::state)
          .containsOnly(SiteState.SUCCEEDED);
    }
  }

  @ParameterizedTest(name = "Slurm {0}")
  @MethodSource("clusters")
  void cancellingOneTaskLeavesTheOthersRunning(String cluster) throws Exception {
    SlurmLab lab = SlurmLab.require(cluster);
    List<Submission> all = new ArrayList<>();
    for (int n = 1; n <= 3; n++) {
      all.add(submission("sleeper", n, JobSpec.builder("sleeper").command("sleep", "120").build()));
    }
    try (Connector site = SlurmConnectorClusterTest.open(lab, Map.of())) {
      List<SiteJob> jobs = site.submitAll(all).values().stream().map(SubmitAnswer::job).toList();
      assertThat(jobs)
          .extracting(j -> j.nativeId().replaceAll("^[0-9]+_", ""))
          .containsExactly("0", "1", "2");
      await(site, jobs, EnumSet.of(SiteState.RUNNING));

      // The user has these three (and maybe other tests') jobs running: a cap of 2 leaves no room.
      try (Connector capped = SlurmConnectorClusterTest.open(lab, Map.of("maxJobsPerUser", "2"))) {
        assertThat(capped.capacity().freeSlots()).isZero();
      }

      site.cancel(List.of(jobs.get(1)));
      Map<SiteJob, Observation> after = await(site, List.of(jobs.get(1)), ENDED);

      assertThat(after.get(jobs.get(1)).state()).isEqualTo(SiteState.CANCELLED);
      Map<SiteJob, Observation> others = site.poll(List.of(jobs.get(0), jobs.get(2)));
      assertThat(others.values()).extracting(Observation::state).containsOnly(SiteState.RUNNING);
      site.cancel(jobs);
      awaitEnd(site, jobs);
    }
  }

  @ParameterizedTest(name = "Slurm {0}")
  @MethodSource("clusters")
  void aFanOutThroughTheEngineRunsAsArraysAndAFailedTaskIsRetriedAlone(String cluster)
      throws Exception {
    SlurmLab lab = SlurmLab.require(cluster);
    Workflow wf =
        Workflow.named("fan")
            .job(
                "sim",
                j ->
                    j.command("sh", "-c", "echo \"sim $0\"; test \"$0\" != 7 || exit 5", "{{item}}")
                        .forEachInRange(1, 50)
                        .retries(1))
            .build();
    EngineConfig config =
        new EngineConfig(home, null, List.of(lab.site("lab" + cluster, Map.of())), null);
    try (Engine engine = Engine.open(config)) {
      RunRecord run = engine.submit(wf, null, Map.of());
      engineRuns.add(run.id());
      CompletableFuture<RunState> end =
          CompletableFuture.supplyAsync(() -> engine.follow(run.id(), p -> {}));

      assertThat(end.get(5, TimeUnit.MINUTES)).isEqualTo(RunState.FAILED);
      List<JobRow> rows = engine.jobs(run.id());
      assertThat(rows).hasSize(50);
      for (JobRow r : rows) {
        boolean fails = r.instanceId().equals("sim[07]");
        assertThat(r.state()).isEqualTo(fails ? JobState.FAILED : JobState.SUCCEEDED);
        assertThat(r.exitCode()).isEqualTo(fails ? 5 : 0);
        assertThat(r.attempt()).isEqualTo(fails ? 2 : 1);
        String n = Integer.toString(Integer.parseInt(r.instanceId().replaceAll("\\D", "")));
        String out =
            lab.get("WORKDIR") + "/" + run.id() + "/attempts/" + r.instanceId() + "/1/stdout";
        assertThat(read(lab, out)).isEqualTo("sim " + n + "\n");
      }
      // The first attempts went as arrays, far fewer submits than attempts.
      Set<String> arrays =
          rows.stream()
              .filter(r -> r.attempt() == 1 && r.nativeId().contains("_"))
              .map(r -> r.nativeId().split("_")[0])
              .collect(Collectors.toSet());
      assertThat(arrays).isNotEmpty().hasSizeLessThan(25);
    }
  }

  private Submission submission(String job, int n, JobSpec spec) {
    JobInstance instance = new JobInstance(job + "[" + n + "]", job, n, Map.of(), spec);
    return new Submission(
        runId + "." + n, runId, instance, 1, Path.of("/nonexistent"), Path.of("/nonexistent"));
  }

  private static Map<SiteJob, Observation> awaitEnd(Connector site, Iterable<SiteJob> jobs)
      throws Exception {
    return await(site, jobs, ENDED);
  }

  /** Polls until every job is in one of these states. */
  private static Map<SiteJob, Observation> await(
      Connector site, Iterable<SiteJob> jobs, Set<SiteState> states) throws Exception {
    List<SiteJob> list = new ArrayList<>();
    jobs.forEach(list::add);
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    Map<SiteJob, Observation> last = Map.of();
    while (System.nanoTime() < deadline) {
      last = site.poll(list);
      if (last.size() == list.size()
          && last.values().stream().allMatch(o -> states.contains(o.state()))) {
        return last;
      }
      Thread.sleep(300);
    }
    throw new AssertionError("not all in " + states + " after " + PATIENCE + ": " + last);
  }

  private static String read(SlurmLab lab, String clusterPath) throws IOException {
    return Files.readString(lab.onHost(clusterPath), StandardCharsets.UTF_8);
  }
}
