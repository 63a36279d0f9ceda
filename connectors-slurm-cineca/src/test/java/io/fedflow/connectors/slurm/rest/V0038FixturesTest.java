package io.fedflow.connectors.slurm.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.Observation;
import io.fedflow.engine.connector.SiteState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Slurm 22.05's real answers, served on loopback, read through the v0.0.38 adapter. */
class V0038FixturesTest {
  private static final String DIR = "slurm-22.05-v0.0.38/";
  private LoopbackSlurm server;
  private SlurmClient rest;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackSlurm();
    rest = new SlurmRest(Sites.http(server), ApiVersion.V0038, true);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void serve(String method, String path, String fixture) {
    server.on(method, path, LoopbackSlurm.status(DIR + fixture), DIR + fixture);
  }

  /** The job of submit-request.json, as fedflow would ask for it. */
  static JobRequest restHello() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    env.put("LAB_VAR", "hello-from-rest");
    return new JobRequest(
        "rest-hello",
        null,
        "#!/bin/bash\nhostname\nid\necho \"LAB_VAR=$LAB_VAR SLURM_JOB_ID=$SLURM_JOB_ID\"\n",
        null,
        env,
        "/srv/lab/jobs/labuser",
        null,
        "/srv/lab/jobs/labuser/rest-hello-%j.out",
        "/srv/lab/jobs/labuser/rest-hello-%j.err",
        null,
        null,
        null,
        null,
        5,
        "debug",
        null,
        null,
        null);
  }

  @Test
  void submitsWhatTheRealRequestSentAndReadsTheJobId() throws Exception {
    serve("POST", "/slurm/v0.0.38/job/submit", "submit-response");

    assertThat(rest.submit(restHello())).isEqualTo(2);

    JsonNode sent = SlurmJson.MAPPER.readTree(server.requests.get(0).body());
    JsonNode real = SlurmJson.MAPPER.readTree(LoopbackSlurm.read(DIR + "submit-request"));
    assertThat(sent.get("script")).isEqualTo(real.get("script"));
    real.get("job")
        .fields()
        .forEachRemaining(
            f ->
                assertThat(sent.get("job").get(f.getKey())).as(f.getKey()).isEqualTo(f.getValue()));
    assertThat(server.requests.get(0).header("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void aRejectedSubmissionSaysWhyAndIsNotRetried() {
    serve("POST", "/slurm/v0.0.38/job/submit", "submit-badpartition-response");

    assertThatThrownBy(() -> rest.submit(restHello()))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("submitting rest-hello failed")
        .hasMessageContaining("500: Invalid partition name specified (2000)")
        .satisfies(e -> assertThat(((ConnectorException) e).isTransient()).isFalse());
    assertThat(server.count("POST", "/slurm/v0.0.38/job/submit")).isEqualTo(1);
  }

  @Test
  void aSubmissionWithoutEnvironmentIsA400WithBothErrors() {
    serve("POST", "/slurm/v0.0.38/job/submit", "submit-noenv-response");

    assertThatThrownBy(() -> rest.submit(restHello()))
        .hasMessageContaining("400: environment must be set (2127); Failure during parsing (9001)");
  }

  @Test
  void jobsTellStatesExitCodesAndTimes() throws Exception {
    serve("GET", "/slurm/v0.0.38/jobs", "jobs-response");

    List<JobRecord> jobs = rest.jobs();

    assertThat(jobs).hasSize(8);
    JobRecord hello = jobs.stream().filter(j -> j.id() == 2).findFirst().orElseThrow();
    Observation done = SlurmStates.observe(hello);
    assertThat(done.state()).isEqualTo(SiteState.SUCCEEDED);
    assertThat(done.exitCode()).isZero();
    assertThat(done.started()).isEqualTo(Instant.ofEpochSecond(1795626842));
    assertThat(done.ended()).isEqualTo(Instant.ofEpochSecond(1795626842));
    assertThat(hello.submitted()).isEqualTo(Instant.ofEpochSecond(1795626841));
    assertThat(hello.billing()).isEqualTo(1.0);
    assertThat(done.billing()).isEqualTo(1.0);
    assertThat(done.energyJoules()).isNull();

    Observation cancelled =
        SlurmStates.observe(jobs.stream().filter(j -> j.id() == 3).findFirst().orElseThrow());
    assertThat(cancelled.state()).isEqualTo(SiteState.CANCELLED);
    assertThat(cancelled.exitCode()).as("SIGTERM, as a shell reports it").isEqualTo(143);
  }

  @Test
  void aJobSlurmctldForgotIsEmptyNotAnError() throws Exception {
    serve("GET", "/slurm/v0.0.38/job/999999", "get-unknown-job-response");
    serve("GET", "/slurm/v0.0.38/job/3", "get-job-cancelled-response");

    assertThat(rest.job(999999)).isEmpty();
    assertThat(rest.job(3))
        .hasValueSatisfying(j -> assertThat(j.states()).containsExactly("CANCELLED"));
  }

  @Test
  void cancellingAnEndedOrUnknownJobIsNotAnError() throws Exception {
    serve("DELETE", "/slurm/v0.0.38/job/3", "cancel-response");
    serve("DELETE", "/slurm/v0.0.38/job/2", "cancel-completed-response");
    serve("DELETE", "/slurm/v0.0.38/job/999999", "cancel-unknown-response");

    rest.cancel(3);
    rest.cancel(2);
    rest.cancel(999999);

    assertThat(server.requests).hasSize(3);
  }

  @Test
  void accountingTellsWhatSlurmctldForgot() throws Exception {
    serve("GET", "/slurmdb/v0.0.38/job/9", "slurmdb-job-9-response");
    serve("GET", "/slurmdb/v0.0.38/job/405", "slurmdb-job-cancelled-response");

    JobRecord nine = rest.accountingJob(9).orElseThrow();
    assertThat(nine.fromAccounting()).isTrue();
    assertThat(SlurmStates.observe(nine).state()).isEqualTo(SiteState.SUCCEEDED);
    assertThat(nine.exitCode()).isZero();
    assertThat(nine.started()).isEqualTo(Instant.ofEpochSecond(1795626977));
    assertThat(nine.ended()).isEqualTo(Instant.ofEpochSecond(1795626978));
    assertThat(nine.billing()).isEqualTo(1.0);
    assertThat(nine.energyJoules()).as("no energy plugin here: 0 is not a measure").isNull();
    assertThat(SlurmStates.observe(nine).billing()).isEqualTo(1.0);
    assertThat(SlurmStates.observe(nine).energyJoules()).isNull();

    JobRecord cancelled = rest.accountingJob(405).orElseThrow();
    assertThat(cancelled.signal()).isEqualTo(15);
    assertThat(SlurmStates.observe(cancelled).state()).isEqualTo(SiteState.CANCELLED);
  }

  /** 22.05 says return code 0 for a job that exited 7 (sacct: 7:0): unknown, not 0. */
  @Test
  void aFailedJobsExitCodeThatAccountingGetsWrongIsUnknown() throws Exception {
    serve("GET", "/slurmdb/v0.0.38/job/100", "slurmdb-job-failed-exit7-response");

    JobRecord failed = rest.accountingJob(100).orElseThrow();
    Observation seen = SlurmStates.observe(failed);
    assertThat(seen.state()).isEqualTo(SiteState.FAILED);
    assertThat(seen.exitCode()).isNull();
    assertThat(failed.signal()).isNull();
  }

  @Test
  void accountingEnergyIsTheSumOfTheSteps() throws Exception {
    ObjectNode job =
        (ObjectNode) SlurmJson.MAPPER.readTree(LoopbackSlurm.read(DIR + "slurmdb-job-9-response"));
    ((ObjectNode) job.at("/jobs/0/steps/0/statistics/energy")).put("consumed", 5400);
    server.onBody("GET", "/slurmdb/v0.0.38/job/9", 200, job.toString());

    assertThat(rest.accountingJob(9).orElseThrow().energyJoules()).isEqualTo(5400);
    assertThat(SlurmStates.observe(rest.accountingJob(9).orElseThrow()).energyJoules())
        .isEqualTo(5400);
  }

  @Test
  void accountingListsJobsByName() throws Exception {
    serve("GET", "/slurmdb/v0.0.38/jobs?job_name=rest-hello%2Cwrap", "slurmdb-jobs-response");

    assertThat(rest.accountingJobsNamed(List.of("rest-hello", "wrap")))
        .extracting(JobRecord::id)
        .contains(1L, 2L, 3L);
  }

  @Test
  void nodesAndPartitionsGiveTheRoomThereIs() throws Exception {
    serve("GET", "/slurm/v0.0.38/nodes", "nodes-response");
    serve("GET", "/slurm/v0.0.38/partitions", "partitions-response");

    assertThat(rest.nodes())
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.name()).isEqualTo("vm");
              assertThat(n.cpus()).isEqualTo(2);
              assertThat(n.allocatedCpus()).isZero();
              assertThat(n.usable()).isTrue();
              assertThat(n.partitions()).containsExactly("debug");
              assertThat(n.gpus()).isZero(); // gres ""
            });
    assertThat(rest.partitions()).containsExactly(new PartitionRecord("debug", true, 2));
  }

  @Test
  void pingPassesWithAGoodTokenAndNamesTheCredentialsWithABadOne() throws Exception {
    serve("GET", "/slurm/v0.0.38/ping", "ping-response");
    rest.ping();

    server.close();
    server = new LoopbackSlurm();
    rest = new SlurmRest(Sites.http(server), ApiVersion.V0038, true);
    serve("GET", "/slurm/v0.0.38/ping", "ping-badtoken-response");
    assertThatThrownBy(() -> rest.ping())
        .hasMessageContaining("refused the credentials")
        .hasMessageContaining("500: Unspecified error (-1: slurmctld config is unable to load)")
        .satisfies(e -> assertThat(((ConnectorException) e).isTransient()).isFalse());
    assertThat(server.count("GET", "/slurm/v0.0.38/ping"))
        .as("asked again once with a re-read token")
        .isEqualTo(2);
  }

  @Test
  void noCredentialsIs401() throws Exception {
    serve("GET", "/slurm/v0.0.38/ping", "ping-noauth-response");
    assertThatThrownBy(() -> rest.ping()).hasMessageContaining("401: Authentication failure");
  }
}
