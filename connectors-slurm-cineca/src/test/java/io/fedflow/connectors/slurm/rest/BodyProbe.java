package io.fedflow.connectors.slurm.rest;

/** The body an adapter sends for a job, caught by a loopback server. */
final class BodyProbe {
  private BodyProbe() {}

  static String body(ApiVersion version, JobRequest job) throws Exception {
    try (LoopbackSlurm server = new LoopbackSlurm()) {
      String path = "/slurm/" + version.tag() + "/job/submit";
      server.onBody("POST", path, 200, "{\"job_id\": 5, \"errors\": []}");
      new SlurmRest(Sites.http(server), version, false).submit(job);
      return server.requests.get(0).body();
    }
  }
}
