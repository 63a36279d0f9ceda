package io.fedflow.connectors.slurm.rest;

import io.fedflow.connectors.slurm.rest.v0038.V0038Rest;
import io.fedflow.connectors.slurm.rest.v0040.V0040Rest;

/** The body an adapter sends for a job, caught by a loopback server. */
final class BodyProbe {
  private BodyProbe() {}

  static String body(ApiVersion version, JobRequest job) throws Exception {
    try (LoopbackSlurm server = new LoopbackSlurm()) {
      String path = "/slurm/" + version.tag() + "/job/submit";
      server.onBody("POST", path, 200, "{\"job_id\": 5, \"errors\": []}");
      SlurmHttp http = Sites.http(server);
      SlurmClient rest =
          version.modern() ? new V0040Rest(http, version, false) : new V0038Rest(http, false);
      rest.submit(job);
      return server.requests.get(0).body();
    }
  }
}
