package io.fedflow.benchmarks;

import io.fedflow.dag.plan.JobInstance;
import io.fedflow.engine.connector.SiteConfig;
import io.fedflow.engine.connector.Submission;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The side fedflow is measured against: a plain {@link HttpClient} loop POSTing one job per request
 * to slurmrestd, with the very bodies fedflow's connector sends ({@link SubmitBodies}), made before
 * the clock starts, as a script holds its JSON ready. Its jobs are named {@code
 * ffbench.r<round>.<i>}.
 */
final class RawSubmitLoop {
  private final LabCluster lab;
  private final List<JobInstance> instances;
  private final SubmitBodies bodies;
  private final URI submitUri;
  private final Path nowhere;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  RawSubmitLoop(LabCluster lab, SiteConfig site, List<JobInstance> instances, Path nowhere)
      throws ReflectiveOperationException {
    this.lab = lab;
    this.instances = instances;
    this.nowhere = nowhere;
    String[] versions = lab.get("API_VERSIONS").split(" ");
    String newest = versions[versions.length - 1];
    this.bodies = new SubmitBodies(site, !newest.equals("v0.0.38"));
    this.submitUri = URI.create(lab.get("URL") + "/slurm/" + newest + "/job/submit");
  }

  /** The bodies of {@code jobs} submissions of this round, made before anything is timed. */
  List<String> bodies(String round, int jobs) throws ReflectiveOperationException {
    List<String> json = new ArrayList<>(jobs);
    for (int i = 0; i < jobs; i++) {
      json.add(
          bodies.of(
              new Submission(
                  SlurmSubmitBenchmark.PREFIX + "r" + round + "." + i,
                  "ffbench-r" + round,
                  instances.get(i),
                  1,
                  nowhere,
                  nowhere)));
    }
    return json;
  }

  /** POSTs each body, one after the other, and checks that Slurm took it. */
  void post(List<String> json) throws IOException, InterruptedException {
    String token = lab.token();
    for (String body : json) {
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(submitUri)
                  .timeout(Duration.ofSeconds(60))
                  .header("Accept", "application/json")
                  .header("Content-Type", "application/json")
                  .header("X-SLURM-USER-NAME", lab.get("USER"))
                  .header("X-SLURM-USER-TOKEN", token)
                  .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (r.statusCode() != 200 || !r.body().contains("\"job_id\"")) {
        throw new IOException("raw submit answered " + r.statusCode() + ": " + r.body());
      }
    }
  }
}
