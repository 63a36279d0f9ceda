package io.fedflow.benchmarks;

import io.fedflow.dag.plan.JobInstance;
import io.fedflow.dag.plan.Plan;
import io.fedflow.dag.yaml.WorkflowYamlReader;
import io.fedflow.engine.connector.Connector;
import io.fedflow.engine.connector.ConnectorProvider;
import io.fedflow.engine.connector.SiteConfig;
import io.fedflow.engine.connector.Submission;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * Submission throughput on a cluster of the Slurm lab: N {@code true} jobs submitted through
 * fedflow's Slurm connector ({@code Connector.submit}, one call per job: the instance rendered, the
 * launcher written, the JSON encoded, one POST) against a raw loop of the same POSTs with the same
 * bodies over a plain {@link HttpClient}, alternately, in rounds whose order alternates. The jobs
 * go to the lab's partition that never starts them: run at once on the lab's one node, they made
 * slurmctld and the node start and end jobs during the measurement, and a side a little slower got
 * more of that work in its time (slurmctld CPU up to 1.4 times the other side's, for the same
 * requests). Between sides the jobs are cancelled and slurmctld is left to let go of them, so each
 * side starts from the same queue.
 *
 * <p>{@code SlurmSubmitBenchmark CLUSTER ROUNDS JOBS [WARMUPS]} prints one table row per side and
 * round, the warm-up rounds ({@code w1}, ... ; 3 unless told) first, then the ratio's median and
 * spread over the measured rounds.
 */
public final class SlurmSubmitBenchmark {
  static final String PREFIX = "ffbench.";

  private final LabCluster lab;
  private final SiteConfig site;
  private final List<JobInstance> instances;
  private final Connector connector;
  private final RawSubmitLoop raw;
  private final Path nowhere;

  private SlurmSubmitBenchmark(LabCluster lab, int jobs) throws Exception {
    this.lab = lab;
    this.site = lab.heldSite("lab" + lab.cluster());
    Path dir = Files.createTempDirectory("fedflow-slurm-bench");
    this.nowhere = dir.resolve("attempts"); // the Slurm connector writes nothing locally
    Plan plan = Plan.of(WorkflowYamlReader.read(trueJobs(dir, jobs)));
    this.instances = plan.jobs().get(0).instances().toList();
    Folders.deleteTree(dir);
    this.connector = slurmProvider().open(site);
    this.raw = new RawSubmitLoop(lab, site, instances, nowhere);
  }

  public static void main(String[] args) throws Exception {
    LabCluster lab = LabCluster.of(args[0]);
    int rounds = Integer.parseInt(args[1]);
    int jobs = Integer.parseInt(args[2]);
    int warmups = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    ConnectorLog log = new ConnectorLog();
    SlurmSubmitBenchmark b = new SlurmSubmitBenchmark(lab, jobs);
    // Warm-up rounds, printed but left out of the ratios: the version probe, class loading and the
    // JIT. A method called once per job reaches C2 after ~5,000-15,000 calls, so one round of 1,000
    // left fedflow's longer path (models, serializers, retries) in profiled C1 code for 5 rounds.
    for (int w = 1; w <= warmups; w++) {
      b.measure(w % 2 == 1 ? Side.FEDFLOW : Side.RAW, "w" + w, jobs);
      b.measure(w % 2 == 1 ? Side.RAW : Side.FEDFLOW, "w" + w, jobs);
    }
    List<Double> ratios = new ArrayList<>();
    List<Double> cpuRatios = new ArrayList<>();
    for (int round = 1; round <= rounds; round++) {
      Side first = round % 2 == 1 ? Side.FEDFLOW : Side.RAW;
      Side second = first == Side.FEDFLOW ? Side.RAW : Side.FEDFLOW;
      SideMeter.Result a = b.measure(first, Integer.toString(round), jobs);
      SideMeter.Result c = b.measure(second, Integer.toString(round), jobs);
      SideMeter.Result f = first == Side.FEDFLOW ? a : c;
      SideMeter.Result r = first == Side.FEDFLOW ? c : a;
      ratios.add((double) f.wallNanos() / r.wallNanos());
      cpuRatios.add((double) f.jvmCpuNanos() / r.jvmCpuNanos());
    }
    b.connector.close();
    ConnectorLog.Counts counts = log.take();
    lab.drain(PREFIX);
    for (int round = 1 - warmups; round <= rounds; round++) {
      String r = round <= 0 ? "w" + (round + warmups) : Integer.toString(round);
      lab.removeRun("ffbench-f" + r);
      lab.removeRun("ffbench-r" + r);
    }
    System.out.printf(
        Locale.ROOT,
        "%nSlurm %s: fedflow/raw wall time, median %.3f (overhead %+.1f %%), from %.3f to %.3f"
            + " over %d rounds after %d warm-up rounds; JVM CPU fedflow/raw, median %.2f%n"
            + "fedflow's connector, warm-up included: %s%n",
        lab.get("SLURM_VERSION"),
        median(ratios),
        (median(ratios) - 1) * 100,
        ratios.stream().mapToDouble(Double::doubleValue).min().orElse(0),
        ratios.stream().mapToDouble(Double::doubleValue).max().orElse(0),
        rounds,
        warmups,
        median(cpuRatios),
        counts.line());
  }

  enum Side {
    FEDFLOW,
    RAW
  }

  private SideMeter.Result measure(Side side, String round, int jobs) throws Exception {
    lab.drain(PREFIX);
    List<String> bodies = side == Side.RAW ? raw.bodies(round, jobs) : null;
    SideMeter meter = SideMeter.start(lab);
    if (side == Side.FEDFLOW) {
      fedflow(round, jobs);
    } else {
      raw.post(bodies);
    }
    return meter.stop(
        side == Side.FEDFLOW ? "fedflow connector" : "raw HttpClient loop", round, jobs);
  }

  /** Submits through the connector, as the engine's submitter does: one call per job. */
  private void fedflow(String round, int jobs) throws Exception {
    String run = "ffbench-f" + round;
    for (int i = 0; i < jobs; i++) {
      JobInstance instance = instances.get(i);
      connector.submit(
          new Submission(PREFIX + "f" + round + "." + i, run, instance, 1, nowhere, nowhere));
    }
  }

  /** A fan-out of {@code jobs} instances of {@code true}: 1 cpu, 1 minute. */
  static Path trueJobs(Path dir, int jobs) throws IOException {
    return fanOut(dir, jobs, List.of("true"));
  }

  /** A fan-out of {@code jobs} instances of a command (plain words): 1 cpu, 1 minute. */
  static Path fanOut(Path dir, int jobs, List<String> command) throws IOException {
    Path file = dir.resolve("fanout-" + jobs + ".yaml");
    Files.writeString(
        file,
        """
        version: 1
        name: slurm-bench
        jobs:
          t:
            forEach: {range: {from: 0, to: %d}}
            command: [%s]
            resources: {cpus: 1, walltime: 1m}
        """
            .formatted(
                jobs - 1, String.join(", ", command.stream().map(w -> "\"" + w + "\"").toList())),
        StandardCharsets.UTF_8);
    return file;
  }

  static ConnectorProvider slurmProvider() {
    return ServiceLoader.load(ConnectorProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(p -> p.type().equals("slurm"))
        .findFirst()
        .orElseThrow();
  }

  static double loadAverage() throws IOException {
    return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
  }

  static double median(List<Double> values) {
    List<Double> s = values.stream().sorted().toList();
    int n = s.size();
    return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
  }
}
