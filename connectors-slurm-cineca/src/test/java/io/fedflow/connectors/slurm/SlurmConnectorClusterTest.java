package io.fedflow.connectors.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.connectors.slurm.rest.JobListing;
import io.fedflow.connectors.slurm.rest.JobRecord;
import io.fedflow.connectors.slurm.rest.SlurmClient;
import io.fedflow.connectors.slurm.rest.SlurmStates;
import io.fedflow.dag.JobSpec;
import io.fedflow.dag.plan.JobInstance;
import io.fedflow.engine.connector.Capacity;
import io.fedflow.engine.connector.Connector;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.ConnectorProvider;
import io.fedflow.engine.connector.Observation;
import io.fedflow.engine.connector.SiteJob;
import io.fedflow.engine.connector.SiteState;
import io.fedflow.engine.connector.Submission;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The connector against the lab's real clusters: Slurm 22.05 (REST v0.0.38) and 24.11 (v0.0.42),
 * each with slurmdbd, through slurmrestd and through SSH (the lab's sshd and Slurm's commands).
 * Skipped, loudly, when the lab is not running.
 */
@Tag("slurm-cluster")
class SlurmConnectorClusterTest {
  private static final Duration PATIENCE = Duration.ofSeconds(90);
  private final String runId = "it-" + UUID.randomUUID().toString().substring(0, 8);

  static List<String> clusters() {
    return SlurmLab.clusters();
  }

  @AfterEach
  void removeTheRunsFolders() throws IOException {
    for (String cluster : SlurmLab.clusters()) {
      SlurmLab.removeRun(cluster, runId);
    }
  }

  @ParameterizedTest(name = "Slurm {0} over {1}")
  @MethodSource("io.fedflow.connectors.slurm.SlurmLab#sites")
  void aJobRunsToCompletedWithItsExitCodeArgumentsUntouched(String cluster, String transport)
      throws Exception {
    SlurmLab lab = SlurmLab.require(cluster, transport);
    try (Connector site = open(lab)) {
      JobSpec spec =
          JobSpec.builder("hello")
              .command("printf", "%s|", "it's", "$HOME", "a  b", "*", "`id`")
              .env("GREETING", "hi there")
              .cpus(1)
              .memory("64MiB")
              .walltime("2m")
              .build();
      Submission s = submission(spec, 1);
      SiteJob job = site.submit(s);
      Observation done = awaitEnd(site, job);

      assertThat(done.state()).isEqualTo(SiteState.SUCCEEDED);
      assertThat(done.exitCode()).isZero();
      assertThat(done.started()).isNotNull();
      assertThat(done.ended()).isNotNull();
      ClusterPaths paths = ClusterPaths.of(lab.get("WORKDIR"), s);
      assertThat(read(lab, paths.attempt() + "/stdout")).isEqualTo("it's|$HOME|a  b|*|`id`|");
      assertThat(read(lab, paths.attempt() + "/exit-code")).isEqualTo("0\n");
    }
  }

  @ParameterizedTest(name = "Slurm {0} over {1}")
  @MethodSource("io.fedflow.connectors.slurm.SlurmLab#sites")
  void aFailingScriptReportsItsExitCodeAndItsEnvironment(String cluster, String transport)
      throws Exception {
    SlurmLab lab = SlurmLab.require(cluster, transport);
    try (Connector site = open(lab)) {
      JobSpec spec =
          JobSpec.builder("fails")
              .script("echo \"$GREETING\" from \"$(pwd)\"\necho oops >&2\nexit 3\n")
              .env("GREETING", "hi there")
              .workdir("sub")
              .build();
      Submission s = submission(spec, 2);
      SiteJob job = site.submit(s);
      Observation done = awaitEnd(site, job);

      assertThat(done.state()).isEqualTo(SiteState.FAILED);
      assertThat(done.exitCode()).isEqualTo(3);
      assertThat(done.siteFault()).isFalse();
      ClusterPaths paths = ClusterPaths.of(lab.get("WORKDIR"), s);
      assertThat(read(lab, paths.attempt() + "/stdout"))
          .isEqualTo("hi there from " + paths.workdir() + "\n");
      assertThat(read(lab, paths.attempt() + "/stderr")).isEqualTo("oops\n");
    }
  }

  @ParameterizedTest(name = "Slurm {0} over {1}")
  @MethodSource("io.fedflow.connectors.slurm.SlurmLab#sites")
  void aCancelledJobEndsCancelledAndCancellingAgainIsNoError(String cluster, String transport)
      throws Exception {
    SlurmLab lab = SlurmLab.require(cluster, transport);
    try (Connector site = open(lab)) {
      SiteJob job =
          site.submit(submission(JobSpec.builder("sleeper").command("sleep", "120").build(), 1));
      await(site, job, Set.of(SiteState.RUNNING));
      site.cancel(List.of(job));
      Observation done = awaitEnd(site, job);
      assertThat(done.state()).isEqualTo(SiteState.CANCELLED);
      site.cancel(List.of(job));
    }
  }

  @ParameterizedTest(name = "Slurm {0} over {1}")
  @MethodSource("io.fedflow.connectors.slurm.SlurmLab#sites")
  void aNewConnectorFindsJobsByTokenInSlurmctldAndAccounting(String cluster, String transport)
      throws Exception {
    SlurmLab lab = SlurmLab.require(cluster, transport);
    Submission s = submission(JobSpec.builder("found").command("true").build(), 1);
    SiteJob job;
    try (Connector site = open(lab)) {
      job = site.submit(s);
      awaitEnd(site, job);
    }
    try (Connector recovered = open(lab)) {
      String never = "never-" + UUID.randomUUID();
      assertThat(recovered.find(List.of(s.token(), never)))
          .containsExactly(Map.entry(s.token(), job));
    }
    // The path of a job slurmctld has forgotten (MinJobAge, 300 s in the lab): accounting by name.
    SlurmConnector direct = (SlurmConnector) open(lab);
    try (direct) {
      JobRecord record = awaitAccounting(direct, s.token());
      assertThat(record.id()).isEqualTo(Long.parseLong(job.nativeId()));
      assertThat(record.fromAccounting()).isTrue();
      Observation seen = SlurmStates.observe(record);
      assertThat(seen.state()).isEqualTo(SiteState.SUCCEEDED);
      assertThat(seen.exitCode()).isZero();
      assertThat(seen.ended()).isNotNull();
    }
  }

  @ParameterizedTest(name = "Slurm {0} over {1}")
  @MethodSource("io.fedflow.connectors.slurm.SlurmLab#sites")
  void capacityOffersTheUsersQueueWhereAPartitionHasUsableNodes(String cluster, String transport)
      throws Exception {
    SlurmLab lab = SlurmLab.require(cluster, transport);
    try (Connector site = open(lab, Map.of("maxJobsPerUser", "500"))) {
      Capacity before = site.capacity();
      // The lab's node has 16 cpus: a batch site's room is its queue, beyond its idle cpus.
      assertThat(before.freeSlots()).isGreaterThan(16).isLessThanOrEqualTo(500);
      assertThat(before.queuedJobs()).isNotNegative();
      // The lab's one node: 16 cpus, no GPU, in the lab's partition.
      assertThat(before.pools())
          .filteredOn(p -> p.name().equals(lab.get("PARTITION")))
          .singleElement()
          .satisfies(
              p -> {
                assertThat(p.totalCpus()).isEqualTo(16);
                assertThat(p.freeCpus()).isBetween(0, 16);
                assertThat(p.totalGpus()).isZero();
              });
    }
    try (Connector site = open(lab, Map.of("partition", "no-such-partition"))) {
      assertThat(site.capacity().freeSlots()).isZero();
    }
  }

  @ParameterizedTest(name = "Slurm {0} over {1}")
  @MethodSource("io.fedflow.connectors.slurm.SlurmLab#sites")
  void aJobTheClusterRefusesIsAPermanentErrorNamingSlurmsWords(String cluster, String transport)
      throws Exception {
    SlurmLab lab = SlurmLab.require(cluster, transport);
    try (Connector site = open(lab, Map.of("partition", "no-such-partition"))) {
      Submission s = submission(JobSpec.builder("refused").command("true").build(), 1);
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> site.submit(s))
          .isInstanceOfSatisfying(
              ConnectorException.class, e -> assertThat(e.isTransient()).isFalse())
          .hasMessageContaining("partition");
    }
  }

  /**
   * slurmctld answers {@code update_time} with all its jobs or nothing: a job submitted after a
   * listing makes the next answer a full one that holds it, and a time to come is "unchanged".
   */
  @ParameterizedTest(name = "Slurm {0}")
  @MethodSource("clusters")
  void jobsChangedSinceAListingHoldTheJobSubmittedAfterIt(String cluster) throws Exception {
    SlurmLab lab = SlurmLab.require(cluster);
    SlurmConnector direct = (SlurmConnector) open(lab);
    try (direct) {
      SlurmClient rest = direct.rest();
      JobListing before = rest.jobsChangedSince(0);
      SiteJob job = direct.submit(submission(JobSpec.builder("new").command("true").build(), 1));
      JobListing after = rest.jobsChangedSince(before.asOf());
      long later = System.currentTimeMillis() / 1000 + 3600;

      assertThat(before.unchanged()).isFalse();
      assertThat(before.asOf()).isPositive();
      assertThat(after.unchanged()).isFalse();
      assertThat(after.jobs()).extracting(JobRecord::id).contains(Long.parseLong(job.nativeId()));
      assertThat(rest.jobsChangedSince(later)).isEqualTo(JobListing.unchangedSince());
      awaitEnd(direct, job);
    }
  }

  private Connector open(SlurmLab lab) throws ConnectorException {
    return open(lab, Map.of());
  }

  /** Through the ServiceLoader, as the engine finds it. */
  static Connector open(SlurmLab lab, Map<String, String> extra) throws ConnectorException {
    ConnectorProvider provider =
        ServiceLoader.load(ConnectorProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(p -> p.type().equals("slurm"))
            .findFirst()
            .orElseThrow();
    return provider.open(lab.site("lab" + lab.cluster(), extra));
  }

  private Submission submission(JobSpec spec, int attempt) {
    String token = "fft-" + UUID.randomUUID();
    JobInstance instance = new JobInstance(spec.id(), spec.id(), 0, Map.of(), spec);
    return new Submission(
        token, runId, instance, attempt, Path.of("/nonexistent"), Path.of("/nonexistent"));
  }

  private static Observation awaitEnd(Connector site, SiteJob job) throws Exception {
    return await(site, job, Set.of(SiteState.SUCCEEDED, SiteState.FAILED, SiteState.CANCELLED));
  }

  private static Observation await(Connector site, SiteJob job, Set<SiteState> states)
      throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    Observation last = null;
    while (System.nanoTime() < deadline) {
      last = site.poll(List.of(job)).get(job);
      if (last != null && states.contains(last.state())) {
        return last;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(
        "job " + job + " not in " + states + " after " + PATIENCE + ": " + last);
  }

  /** slurmdbd records a job's end a moment after slurmctld. */
  private static JobRecord awaitAccounting(SlurmConnector site, String token) throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      for (JobRecord r : site.rest().accountingJobsNamed(List.of(token))) {
        if (SlurmStates.observe(r).state() == SiteState.SUCCEEDED) {
          return r;
        }
      }
      Thread.sleep(300);
    }
    throw new AssertionError("job " + token + " not COMPLETED in accounting after " + PATIENCE);
  }

  private static String read(SlurmLab lab, String clusterPath) throws IOException {
    return Files.readString(lab.onHost(clusterPath), StandardCharsets.UTF_8);
  }
}
