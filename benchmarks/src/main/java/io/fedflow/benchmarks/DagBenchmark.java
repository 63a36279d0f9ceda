package io.fedflow.benchmarks;

import io.fedflow.dag.Workflow;
import io.fedflow.dag.plan.JobInstance;
import io.fedflow.dag.plan.Plan;
import io.fedflow.dag.yaml.WorkflowYamlReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Time and peak heap to read, check and plan workflow files, and to expand their instances. One
 * case per JVM (see scripts/bench.sh): {@code examples FILE...}, {@code fanout N}, {@code explicit
 * N}.
 */
public final class DagBenchmark {
  private static final int WARM_RUNS = 5;

  private DagBenchmark() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: DagBenchmark examples FILE... | fanout N | explicit N");
      System.exit(2);
    }
    Path tmp = Files.createTempDirectory("fedflow-bench");
    List<Path> files =
        switch (args[0]) {
          case "examples" -> Arrays.stream(args, 1, args.length).map(Path::of).toList();
          case "fanout" -> List.of(WorkflowInputs.fanOut(tmp, Long.parseLong(args[1])));
          case "explicit" -> List.of(WorkflowInputs.explicit(tmp, Integer.parseInt(args[1]), 100));
          default -> throw new IllegalArgumentException("unknown case " + args[0]);
        };
    for (Path f : files) {
      run(args[0], f);
    }
  }

  private static void run(String name, Path file) throws IOException {
    long bytes = Files.size(file);
    HeapPeak.reset();
    long t0 = System.nanoTime();
    long c0 = CpuTime.process();
    Plan plan = readAndPlan(file);
    long cold = System.nanoTime() - t0;
    long coldCpu = CpuTime.process() - c0;
    long coldHeap = HeapPeak.mebibytes();

    List<Long> warm = new ArrayList<>();
    List<Long> warmCpu = new ArrayList<>();
    for (int i = 0; i < WARM_RUNS; i++) {
      long t = System.nanoTime();
      long c = CpuTime.thread();
      plan = readAndPlan(file);
      warm.add(System.nanoTime() - t);
      warmCpu.add(CpuTime.thread() - c);
    }
    warm.sort(null);
    warmCpu.sort(null);

    HeapPeak.reset();
    long t1 = System.nanoTime();
    long c1 = CpuTime.thread();
    long[] sum = {0};
    plan.instances().forEach(inst -> sum[0] += weight(inst));
    long expand = System.nanoTime() - t1;
    long expandCpu = CpuTime.thread() - c1;
    long expandHeap = HeapPeak.mebibytes();

    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %.1f MB | %d | %d | %.0f ms (%.0f ms CPU) | %.0f ms (%.0f ms CPU) | %d MiB"
            + " | %.0f ms (%.0f ms CPU) | %d MiB |%n",
        name,
        file.getFileName(),
        bytes / 1e6,
        plan.jobs().size(),
        plan.instanceCount(),
        cold / 1e6,
        coldCpu / 1e6,
        warm.get(warm.size() / 2) / 1e6,
        warmCpu.get(warmCpu.size() / 2) / 1e6,
        coldHeap,
        expand / 1e6,
        expandCpu / 1e6,
        expandHeap);
    if (sum[0] == 42) {
      System.out.println("(checksum)");
    }
  }

  private static Plan readAndPlan(Path file) {
    Workflow wf = WorkflowYamlReader.read(file);
    return Plan.of(wf);
  }

  /** Touches what an engine would read of an instance, so that expansion cannot be skipped. */
  private static long weight(JobInstance inst) {
    return inst.id().length() + inst.spec().program().hashCode() % 7;
  }
}
