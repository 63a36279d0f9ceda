package io.fedflow.connectors.slurm.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.engine.connector.SiteState;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The v0.0.40 family's accounting records. No 24.11 slurmdbd answer was captured yet, so this body
 * is written by hand in the shape of Slurm's data_parser v0.0.42 (to be replaced by a capture from
 * the real 24.11 cluster with slurmdbd).
 */
class V0040AccountingTest {
  private static final String JOB =
      """
      {"jobs": [{"job_id": 77, "name": "tok-1", "comment": {"job": "simulate[3]"},
        "state": {"current": ["NODE_FAIL"], "reason": "None"},
        "exit_code": {"status": ["SIGNALED"], "return_code": {"set": true, "infinite": false, "number": 0},
                      "signal": {"id": {"set": true, "infinite": false, "number": 9}, "name": "KILL"}},
        "time": {"submission": 1795628000, "start": 1795628010, "end": 1795628070, "elapsed": 60},
        "tres": {"allocated": [{"type": "cpu", "count": 4}, {"type": "billing", "count": 8}]},
        "steps": [{"statistics": {"energy": {"consumed": {"set": true, "infinite": false, "number": 1200}}}},
                  {"statistics": {"energy": {"consumed": {"set": true, "infinite": false, "number": 300}}}}]}],
       "errors": [], "warnings": []}
      """;

  @Test
  void aNodeFailureFromAccountingIsTheSitesFaultWithEnergyAndBilling() throws Exception {
    try (LoopbackSlurm server = new LoopbackSlurm()) {
      server.onBody("GET", "/slurmdb/v0.0.42/job/77", 200, JOB);
      SlurmClient rest = new SlurmRest(Sites.http(server), ApiVersion.V0042, true);

      JobRecord job = rest.accountingJob(77).orElseThrow();
      var o = SlurmStates.observe(job);

      assertThat(o.state()).isEqualTo(SiteState.FAILED);
      assertThat(o.siteFault()).isTrue();
      assertThat(o.exitCode()).isEqualTo(137);
      assertThat(o.started()).isEqualTo(Instant.ofEpochSecond(1795628010));
      assertThat(job.energyJoules()).isEqualTo(1500);
      assertThat(job.billing()).isEqualTo(8.0);
      assertThat(o.energyJoules()).isEqualTo(1500);
      assertThat(o.billing()).isEqualTo(8.0);
      assertThat(job.comment()).isEqualTo("simulate[3]");
    }
  }
}
