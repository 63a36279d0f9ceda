package io.fedflow.benchmarks;

import io.fedflow.dag.Workflow;
import io.fedflow.dag.yaml.WorkflowYamlReader;
import io.fedflow.engine.Engine;
import io.fedflow.engine.EngineConfig;
import io.fedflow.engine.JobState;
import io.fedflow.engine.RunRecord;
import io.fedflow.engine.RunState;
import io.fedflow.engine.connector.SiteConfig;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs workflows through the engine with its H2 store on, one case per JVM (see
 * scripts/bench-engine.sh):
 *
 * <ul>
 *   <li>{@code throughput fanout|explicit N}: N no-op jobs on a memory site, submitted and followed
 *       twice in one JVM (cold, then warm), in jobs per second;
 *   <li>{@code submit HOME fanout|explicit N}: records a run of N jobs for a memory site and prints
 *       its id; {@code follow HOME RUN}: follows it to the end and prints this JVM's peak resident
 *       memory;
 *   <li>{@code run HOME FILE}: runs a workflow file on a local site of 2 cpus, for {@link
 *       LocalVsMake}.
 * </ul>
 */
public final class EngineBenchmark {
  /** Jobs the memory site holds at once: enough that the site never limits the engine. */
  static final String MEMORY_SLOTS = "10000";

  private EngineBenchmark() {}

  public static void main(String[] args) throws IOException {
    switch (args.length == 0 ? "" : args[0]) {
      case "throughput" -> throughput(args[1], Integer.parseInt(args[2]));
      case "submit" -> submit(Path.of(args[1]), args[2], Integer.parseInt(args[3]));
      case "follow" -> follow(Path.of(args[1]), args[2]);
      case "run" -> runLocal(Path.of(args[1]), Path.of(args[2]));
      default -> {
        System.err.println(
            "usage: EngineBenchmark throughput fanout|explicit N | submit HOME fanout|explicit N"
                + " | follow HOME RUN | run HOME FILE");
        System.exit(2);
      }
    }
  }

  /** An engine whose only site is a memory site of {@link #MEMORY_SLOTS} slots. */
  static Engine memoryEngine(Path home) {
    SiteConfig mem = new SiteConfig("mem", "memory", Map.of("slots", MEMORY_SLOTS));
    return Engine.open(new EngineConfig(home, null, List.of(mem), null));
  }

  private static Path input(Path dir, String shape, int n) throws IOException {
    return switch (shape) {
      case "fanout" -> WorkflowInputs.fanOut(dir, n);
      case "explicit" -> WorkflowInputs.explicit(dir, n, 100);
      default -> throw new IllegalArgumentException("unknown workflow shape " + shape);
    };
  }

  private static void throughput(String shape, int n) throws IOException {
    Path home = Files.createTempDirectory("fedflow-engine-bench");
    Path file = input(home, shape, n);
    Workflow wf = WorkflowYamlReader.read(file);
    try (Engine engine = memoryEngine(home)) {
      for (String pass : List.of("cold", "warm")) {
        long t0 = System.nanoTime();
        long c0 = CpuTime.process();
        RunRecord run = engine.submit(wf, file.toString(), Map.of());
        long submitted = System.nanoTime();
        RunState end = engine.follow(run.id(), p -> {});
        long t1 = System.nanoTime();
        long cpu = CpuTime.process() - c0;
        long succeeded = succeeded(engine, run.id());
        System.out.printf(
            Locale.ROOT,
            "| %s | %d | %s | %s | %.0f ms | %.0f ms | %.0f ms (%.0f ms CPU) | **%,.0f** | %d MiB"
                + " | %d MiB |%n",
            file.getFileName(),
            succeeded,
            pass,
            end == RunState.SUCCEEDED && succeeded == instances(wf, shape, n) ? "succeeded" : end,
            (submitted - t0) / 1e6,
            (t1 - submitted) / 1e6,
            (t1 - t0) / 1e6,
            cpu / 1e6,
            succeeded / ((t1 - t0) / 1e9),
            Files.size(home.resolve("fedflow.mv.db")) >> 20,
            Resident.peakMebibytes());
      }
    }
    Folders.deleteTree(home);
  }

  private static long instances(Workflow wf, String shape, int n) {
    return shape.equals("fanout") ? n + 1L : wf.jobs().size();
  }

  private static long succeeded(Engine engine, String runId) {
    return engine.jobs(runId).stream().filter(j -> j.state() == JobState.SUCCEEDED).count();
  }

  private static void submit(Path home, String shape, int n) throws IOException {
    Path dir = Files.createTempDirectory("fedflow-engine-input");
    Path file = input(dir, shape, n);
    Workflow wf = WorkflowYamlReader.read(file);
    try (Engine engine = memoryEngine(home)) {
      System.out.println(engine.submit(wf, file.toString(), Map.of()).id());
    }
    Folders.deleteTree(dir);
  }

  private static void follow(Path home, String runId) {
    HeapPeak.reset();
    long t0 = System.nanoTime();
    long c0 = CpuTime.process();
    try (Engine engine = memoryEngine(home)) {
      RunState end = engine.follow(runId, p -> {});
      long wall = System.nanoTime() - t0;
      long cpu = CpuTime.process() - c0;
      RunRecord run = engine.run(runId).orElseThrow();
      System.out.printf(
          Locale.ROOT,
          "| %s | %d | %s | %s | %.0f ms (%.0f ms CPU) | **%d MiB** | %d MiB |%n",
          Path.of(run.workflowFile()).getFileName(),
          succeeded(engine, runId),
          maxHeapFlag(),
          end.name().toLowerCase(Locale.ROOT),
          wall / 1e6,
          cpu / 1e6,
          Resident.peakMebibytes(),
          HeapPeak.mebibytes());
    }
  }

  private static String maxHeapFlag() {
    return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
        .filter(a -> a.startsWith("-Xmx"))
        .findFirst()
        .orElse("default heap");
  }

  /**
   * Prints {@code RESULT STATE SUCCEEDED NANOS JVM-CPU-NANOS}: the run's end, its succeeded
   * instances, its time from submit to end and this JVM's CPU time.
   */
  private static void runLocal(Path home, Path file) {
    Workflow wf = WorkflowYamlReader.read(file);
    SiteConfig local =
        new SiteConfig("local", "local", Map.of("cpus", "2", "home", home.toString()));
    try (Engine engine = Engine.open(new EngineConfig(home, null, List.of(local), null))) {
      long t0 = System.nanoTime();
      RunRecord run = engine.submit(wf, file.toString(), Map.of());
      RunState end = engine.follow(run.id(), p -> {});
      long wall = System.nanoTime() - t0;
      System.out.println(
          "RESULT "
              + end
              + " "
              + succeeded(engine, run.id())
              + " "
              + wall
              + " "
              + CpuTime.process());
    }
  }
}
