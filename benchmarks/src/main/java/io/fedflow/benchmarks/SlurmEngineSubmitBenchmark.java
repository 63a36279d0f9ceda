package io.fedflow.benchmarks;

import io.fedflow.dag.Workflow;
import io.fedflow.dag.plan.Plan;
import io.fedflow.dag.yaml.WorkflowYamlReader;
import io.fedflow.engine.Engine;
import io.fedflow.engine.EngineConfig;
import io.fedflow.engine.JobState;
import io.fedflow.engine.RunRecord;
import io.fedflow.engine.connector.SiteConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Submission through the whole engine, as a user submits: a fan-out of N {@code true} jobs given to
 * {@code Engine.submit} and followed, timed until all N are queued at the lab's Slurm (its held
 * partition, where they stay pending), against the raw HttpClient loop of {@link
 * SlurmSubmitBenchmark} POSTing the N jobs' bodies one by one. The engine side runs twice: as
 * configured by default (the fan-out goes as one job array) and with {@code arrays: false} (N
 * POSTs, as the raw loop). The engine is opened before the clock starts and closed after it stops,
 * leaving the jobs to be cancelled with {@code scancel}.
 *
 * <p>{@code SlurmEngineSubmitBenchmark CLUSTER ROUNDS JOBS} prints one table row per side and round
 * (round w is a warm-up), then the medians of the ratios to the raw loop.
 */
public final class SlurmEngineSubmitBenchmark {
  private SlurmEngineSubmitBenchmark() {}

  enum Side {
    ENGINE_ARRAYS("fedflow engine, arrays (default)"),
    ENGINE_PLAIN("fedflow engine, arrays: false"),
    RAW("raw HttpClient loop");

    final String label;

    Side(String label) {
      this.label = label;
    }
  }

  public static void main(String[] args) throws Exception {
    LabCluster lab = LabCluster.of(args[0]);
    int rounds = Integer.parseInt(args[1]);
    int jobs = Integer.parseInt(args[2]);
    Path dir = Files.createTempDirectory("fedflow-engine-submit");
    Path file = SlurmSubmitBenchmark.trueJobs(dir, jobs);
    Workflow wf = WorkflowYamlReader.read(file);
    SiteConfig held = lab.heldSite("lab" + lab.cluster());
    RawSubmitLoop raw =
        new RawSubmitLoop(
            lab, held, Plan.of(wf).jobs().get(0).instances().toList(), dir.resolve("attempts"));
    Map<Side, List<Double>> ratios = new EnumMap<>(Side.class);
    ConnectorLog log = new ConnectorLog();
    lab.drain(SlurmSubmitBenchmark.PREFIX);
    for (int round = 0; round <= rounds; round++) {
      String label = round == 0 ? "w" : Integer.toString(round);
      Map<Side, Long> wall = new EnumMap<>(Side.class);
      List<Side> order = new ArrayList<>(List.of(Side.values()));
      Collections.rotate(order, round);
      for (Side side : order) {
        wall.put(
            side,
            side == Side.RAW
                ? rawSide(lab, raw, label, jobs)
                : engineSide(lab, dir, wf, file, held, side, label, jobs));
        if (side != Side.RAW) {
          System.err.println("  " + side.label + ": " + log.take().line());
        }
      }
      if (round > 0) {
        for (Side s : List.of(Side.ENGINE_ARRAYS, Side.ENGINE_PLAIN)) {
          ratios
              .computeIfAbsent(s, k -> new ArrayList<>())
              .add((double) wall.get(s) / wall.get(Side.RAW));
        }
      }
    }
    for (var e : ratios.entrySet()) {
      List<Double> r = e.getValue();
      System.out.printf(
          Locale.ROOT,
          "%nSlurm %s, %d jobs: %s / raw loop wall time, median %.3f (from %.3f to %.3f over %d"
              + " rounds after 1 warm-up round)%n",
          lab.get("SLURM_VERSION"),
          jobs,
          e.getKey().label,
          SlurmSubmitBenchmark.median(r),
          r.stream().mapToDouble(Double::doubleValue).min().orElse(0),
          r.stream().mapToDouble(Double::doubleValue).max().orElse(0),
          r.size());
    }
    Folders.deleteTree(dir);
  }

  private static long rawSide(LabCluster lab, RawSubmitLoop raw, String round, int jobs)
      throws Exception {
    List<String> bodies = raw.bodies(round, jobs);
    SideMeter m = SideMeter.start(lab);
    raw.post(bodies);
    long wall = m.stop(Side.RAW.label, round, jobs).wallNanos();
    lab.drain(SlurmSubmitBenchmark.PREFIX);
    return wall;
  }

  /**
   * Submits the fan-out through a fresh engine, its database opened before the clock starts, and
   * stops the clock once every job is queued at the site; the engine is then closed and the jobs
   * cancelled.
   */
  private static long engineSide(
      LabCluster lab,
      Path dir,
      Workflow wf,
      Path file,
      SiteConfig held,
      Side side,
      String round,
      int jobs)
      throws Exception {
    Map<String, String> settings = new HashMap<>(held.settings());
    if (side == Side.ENGINE_PLAIN) {
      settings.put("arrays", "false");
    }
    SiteConfig site = new SiteConfig(held.name(), held.type(), settings);
    Path home = Files.createTempDirectory(dir, "home");
    String runId;
    long wall;
    try (Engine engine = Engine.open(new EngineConfig(home, null, List.of(site), null))) {
      SideMeter m = SideMeter.start(lab);
      RunRecord run = engine.submit(wf, file.toString(), Map.of());
      runId = run.id();
      CompletableFuture<?> following =
          CompletableFuture.runAsync(() -> engine.follow(run.id(), p -> {}));
      // Read from the engine's database, as `fedflow status` would; a 5 ms step is under 1 % of
      // the times measured.
      while (engine.counts(run.id()).getOrDefault(JobState.QUEUED, 0L) < jobs) {
        if (following.isDone()) {
          following.join();
          throw new IllegalStateException("run " + run.id() + " ended before its jobs were queued");
        }
        Thread.sleep(5);
      }
      wall = m.stop(side.label, round, jobs).wallNanos();
    }
    lab.drain(runId);
    Folders.deleteTree(home);
    return wall;
  }
}
