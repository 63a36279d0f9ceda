package io.fedflow.connectors.slurm.rest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestCountsTest {

  @Test
  void requestsAreCountedByEndpointWithoutVersionQueryOrJobId() {
    RequestCounts counts = new RequestCounts();
    counts.count("GET", "/openapi/v3", 2048);
    counts.count("POST", "/slurm/v0.0.42/job/submit", 100);
    counts.count("POST", "/slurm/v0.0.38/job/submit", 100);
    counts.count("GET", "/slurm/v0.0.42/jobs/?update_time=1795655517", 0);
    counts.count("GET", "/slurm/v0.0.38/jobs", 900);
    counts.count("DELETE", "/slurm/v0.0.42/job/1234", 50);
    counts.count("GET", "/slurmdb/v0.0.38/jobs?job_name=a%2Cb", 1000);

    assertThat(counts.total()).isEqualTo(7);
    assertThat(counts.answerBytes()).isEqualTo(4198);
    assertThat(counts)
        .hasToString(
            "7 requests (1 DELETE /slurm/job/{id}, 1 GET /openapi/v3, 2 GET /slurm/jobs,"
                + " 1 GET /slurmdb/jobs, 2 POST /slurm/job/submit), 4 KiB received");
  }
}
