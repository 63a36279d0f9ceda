package io.fedflow.benchmarks;

import io.fedflow.connectors.slurm.rest.ApiProbe;
import io.fedflow.connectors.slurm.rest.HttpSettings;
import io.fedflow.connectors.slurm.rest.JobListing;
import io.fedflow.connectors.slurm.rest.SlurmClient;
import io.fedflow.connectors.slurm.rest.SlurmHttp;
import io.fedflow.connectors.slurm.rest.SlurmToken;
import io.fedflow.dag.plan.JobInstance;
import io.fedflow.dag.plan.Plan;
import io.fedflow.dag.yaml.WorkflowYamlReader;
import io.fedflow.engine.connector.Connector;
import io.fedflow.engine.connector.Submission;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one {@code GET jobs} costs with N jobs in slurmctld, in full and when slurmctld answers
 * "unchanged" to {@code update_time}: N {@code true} jobs are submitted (they queue: the lab's node
 * runs 16 at a time), then the two requests alternate, ROUNDS times each, through fedflow's
 * transport and adapter (the answer decoded into records). The jobs are cancelled at the end.
 *
 * <p>{@code SlurmPollBenchmark CLUSTER JOBS ROUNDS} prints one table row per kind of answer.
 */
public final class SlurmPollBenchmark {
  private SlurmPollBenchmark() {}

  public static void main(String[] args) throws Exception {
    LabCluster lab = LabCluster.of(args[0]);
    int jobs = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    lab.drain(SlurmSubmitBenchmark.PREFIX);
    Path dir = Files.createTempDirectory("fedflow-slurm-poll");
    List<JobInstance> instances =
        Plan.of(WorkflowYamlReader.read(SlurmSubmitBenchmark.trueJobs(dir, jobs)))
            .jobs()
            .get(0)
            .instances()
            .toList();
    try (Connector site = SlurmSubmitBenchmark.slurmProvider().open(lab.site("poll"))) {
      for (int i = 0; i < jobs; i++) {
        site.submit(
            new Submission(
                SlurmSubmitBenchmark.PREFIX + "p." + i,
                "ffbench-p",
                instances.get(i),
                1,
                dir,
                dir));
      }
    }
    SlurmHttp http =
        new SlurmHttp(
            URI.create(lab.get("URL")),
            lab.get("USER"),
            SlurmToken.parse("file:" + lab.get("TOKEN_FILE"), Clock.systemUTC(), System::getenv),
            HttpSettings.DEFAULTS);
    SlurmClient rest = ApiProbe.connect(http, "auto");
    List<long[]> full = new ArrayList<>();
    List<long[]> unchanged = new ArrayList<>();
    int listed = 0;
    for (int r = 0; r < rounds; r++) {
      listed = Math.max(listed, measure(lab, http, rest, 0, full));
      measure(lab, http, rest, System.currentTimeMillis() / 1000 + 3600, unchanged);
    }
    lab.drain(SlurmSubmitBenchmark.PREFIX);
    lab.removeRun("ffbench-p");
    Folders.deleteTree(dir);
    print(lab, "full listing", listed, full);
    print(lab, "`update_time`, unchanged", listed, unchanged);
  }

  /** One request: {wall, JVM CPU, bytes, slurmrestd CPU, slurmctld CPU}; returns the jobs. */
  private static int measure(
      LabCluster lab, SlurmHttp http, SlurmClient rest, long since, List<long[]> into)
      throws Exception {
    Map<String, Long> d0 = lab.daemonCpu();
    long b0 = http.counts().answerBytes();
    long c0 = CpuTime.thread();
    long t0 = System.nanoTime();
    JobListing l = rest.jobsChangedSince(since);
    long wall = System.nanoTime() - t0;
    long cpu = CpuTime.thread() - c0;
    Map<String, Long> d1 = lab.daemonCpu();
    into.add(
        new long[] {
          wall,
          cpu,
          http.counts().answerBytes() - b0,
          d1.get("slurmrestd") - d0.get("slurmrestd"),
          d1.get("slurmctld") - d0.get("slurmctld")
        });
    return l.jobs().size();
  }

  private static void print(LabCluster lab, String kind, int listed, List<long[]> samples) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %s | %,d B | %.1f ms (%.1f to %.1f) | %.1f ms | %.0f ms | %.0f ms | %.1f |%n",
        lab.get("SLURM_VERSION"),
        listed,
        kind,
        (long) median(samples, 2),
        median(samples, 0) / 1e6,
        samples.stream().mapToLong(s -> s[0]).min().orElse(0) / 1e6,
        samples.stream().mapToLong(s -> s[0]).max().orElse(0) / 1e6,
        median(samples, 1) / 1e6,
        samples.stream().mapToLong(s -> s[3]).sum() / 1e6 / samples.size(),
        samples.stream().mapToLong(s -> s[4]).sum() / 1e6 / samples.size(),
        loadAverage());
  }

  private static double median(List<long[]> samples, int field) {
    return SlurmSubmitBenchmark.median(samples.stream().map(s -> (double) s[field]).toList());
  }

  private static double loadAverage() {
    try {
      return SlurmSubmitBenchmark.loadAverage();
    } catch (java.io.IOException e) {
      return Double.NaN;
    }
  }
}
