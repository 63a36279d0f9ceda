package io.fedflow.connectors.slurm.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The version is chosen from the paths the real daemons list in /openapi/v3. */
class ApiProbeTest {

  @ParameterizedTest
  @CsvSource({
    "slurmrestd-22.05.8-v0.0.36-38.json, auto, V0038, true",
    "slurmrestd-24.11.5-v0.0.40-42.json, auto, V0042, true",
    "slurmrestd-24.11.5-v0.0.40-42.json, v0.0.40, V0040, true",
  })
  void choosesTheNewestVersionServedOrTheConfiguredOne(
      String spec, String setting, ApiVersion expected, boolean accounting) throws Exception {
    try (LoopbackSlurm server = new LoopbackSlurm()) {
      server.onBody("GET", "/openapi/v3", 200, Files.readString(Path.of("src/main/openapi", spec)));
      // v0.0.40 and later put a slash after a collection's name.
      for (String path : java.util.List.of("v0.0.38/jobs", "v0.0.40/jobs/", "v0.0.42/jobs/")) {
        server.onBody(
            "GET", "/slurmdb/" + path + "?job_name=x", 200, "{\"jobs\": [], \"errors\": []}");
      }

      SlurmClient rest = ApiProbe.connect(Sites.http(server), setting);

      assertThat(rest.version()).isEqualTo(expected);
      assertThat(rest.accountingJobsNamed(java.util.List.of("x"))).isEmpty();
      assertThat(server.requests.size() > 1).isEqualTo(accounting);
    }
  }

  @Test
  void aVersionTheServerDoesNotServeIsAClearError() throws Exception {
    try (LoopbackSlurm server = new LoopbackSlurm()) {
      server.onBody(
          "GET",
          "/openapi/v3",
          200,
          Files.readString(Path.of("src/main/openapi/slurmrestd-24.11.5-v0.0.40-42.json")));

      assertThatThrownBy(() -> ApiProbe.connect(Sites.http(server), "v0.0.38"))
          .hasMessage("slurmrestd at " + server.uri() + " does not serve v0.0.38");
      assertThatThrownBy(() -> ApiProbe.connect(Sites.http(server), "0.0.42"))
          .hasMessageContaining(
              "expected auto, v0.0.38, v0.0.40, v0.0.41 or v0.0.42 but was '0.0.42'");
    }
  }
}
