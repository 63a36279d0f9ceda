package io.fedflow.connectors.slurm.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.Observation;
import io.fedflow.engine.connector.SiteState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Slurm 24.11's real answers, served on loopback, read through the v0.0.40 family adapter. The
 * statuses were not captured beside these bodies; they are those the guide records: 404 for an
 * unknown job, 511 for a bad token, 200 for a ping with a bad token.
 */
class V0042FixturesTest {
  private static final String DIR = "slurm-24.11-v0.0.42/";
  private LoopbackSlurm server;
  private SlurmClient rest;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackSlurm();
    rest = new SlurmRest(Sites.http(server), ApiVersion.V0042, false);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private void serve(String method, String path, int status, String fixture) {
    server.on(method, path, status, DIR + fixture);
  }

  static JobRequest restHelloV42() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
    env.put("LAB_VAR", "hello-from-rest");
    return new JobRequest(
        "rest-hello-v42",
        null,
        "#!/bin/bash\nhostname\nid\necho \"LAB_VAR=$LAB_VAR SLURM_JOB_ID=$SLURM_JOB_ID\"\n",
        null,
        env,
        "/var/lib/slurm-lab/jobs",
        null,
        "/var/lib/slurm-lab/jobs/rest-hello-%j.out",
        null,
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
    serve("POST", "/slurm/v0.0.42/job/submit", 200, "submit-response");

    assertThat(rest.submit(restHelloV42())).isEqualTo(1);

    JsonNode sent = SlurmJson.MAPPER.readTree(server.requests.get(0).body());
    JsonNode real = SlurmJson.MAPPER.readTree(LoopbackSlurm.read(DIR + "submit-request"));
    assertThat(sent.has("script")).as("the script moved into the job").isFalse();
    real.get("job")
        .fields()
        .forEachRemaining(
            f -> {
              if (f.getKey().equals("environment")) {
                assertThat(sent.at("/job/environment"))
                    .containsExactlyInAnyOrderElementsOf(f.getValue());
              } else {
                assertThat(sent.get("job").get(f.getKey())).as(f.getKey()).isEqualTo(f.getValue());
              }
            });
  }

  @Test
  void aCompletedJobTellsItsExitCodeAndTimes() throws Exception {
    serve("GET", "/slurm/v0.0.42/job/1", 200, "get-job-response");

    JobRecord job = rest.job(1).orElseThrow();
    Observation o = SlurmStates.observe(job);

    assertThat(job.states()).containsExactly("COMPLETED");
    assertThat(o.state()).isEqualTo(SiteState.SUCCEEDED);
    assertThat(o.exitCode()).isZero();
    assertThat(o.started()).isEqualTo(Instant.ofEpochSecond(1795628473));
    assertThat(o.ended()).isEqualTo(Instant.ofEpochSecond(1795628473));
    assertThat(job.billing()).isEqualTo(1.0);
    assertThat(o.billing()).isEqualTo(1.0);
    assertThat(o.energyJoules()).as("no energy plugin on the lab cluster").isNull();
    assertThat(job.name()).isEqualTo("rest-hello-v42");
  }

  @Test
  void aCancelledJobIsCancelled() throws Exception {
    serve("GET", "/slurm/v0.0.42/job/2", 200, "get-job-cancelled-response");

    Observation o = SlurmStates.observe(rest.job(2).orElseThrow());

    assertThat(o.state()).isEqualTo(SiteState.CANCELLED);
    assertThat(o.ended()).isNotNull();
  }

  @Test
  void anUnknownJobIsEmpty() throws Exception {
    serve("GET", "/slurm/v0.0.42/job/999999", 404, "get-unknown-job-response");

    assertThat(rest.job(999999)).isEmpty();
  }

  @Test
  void aBadTokenIs511AndSaysSo() {
    serve("GET", "/slurm/v0.0.42/jobs/", 511, "jobs-badtoken-response");

    assertThatThrownBy(() -> rest.jobs())
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("listing jobs failed: slurmrestd refused the credentials")
        .hasMessageContaining(
            "/slurm/v0.0.42/jobs/ answered 511: Protocol authentication error (1007: Unable to query jobs)")
        .satisfies(e -> assertThat(((ConnectorException) e).isTransient()).isFalse());
  }

  @Test
  void aPingWithABadTokenIsA200WithTheControllerDown() {
    serve("GET", "/slurm/v0.0.42/ping/", 200, "ping-badtoken-response");

    assertThatThrownBy(() -> rest.ping()).hasMessageContaining("no controller is UP");
  }

  @Test
  void cancelUsesTheJobPath() throws Exception {
    serve("DELETE", "/slurm/v0.0.42/job/1", 200, "cancel-response");
    serve("DELETE", "/slurm/v0.0.42/job/999999", 404, "get-unknown-job-response");

    rest.cancel(1);
    rest.cancel(999999);

    assertThat(server.requests)
        .extracting(LoopbackSlurm.Request::method)
        .containsExactly("DELETE", "DELETE");
  }

  @Test
  void withoutAccountingTheAccountingLookupsAreEmpty() throws Exception {
    assertThat(rest.accountingJob(1)).isEmpty();
    assertThat(server.requests).isEmpty();
  }
}
