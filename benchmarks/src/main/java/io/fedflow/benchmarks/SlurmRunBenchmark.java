package io.fedflow.benchmarks;

import io.fedflow.dag.Workflow;
import io.fedflow.dag.yaml.WorkflowYamlReader;
import io.fedflow.engine.Engine;
import io.fedflow.engine.EngineConfig;
import io.fedflow.engine.JobState;
import io.fedflow.engine.RunRecord;
import io.fedflow.engine.RunState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The REST requests a whole run costs: a fan-out of N {@code true} jobs (1 cpu, 1 minute; another
 * command of plain words from {@code RUN_COMMAND}, such as {@code sleep 30}) run to the end through
 * the engine with one Slurm site of the lab, for each N given; the requests are read from the line
 * the connector logs when the engine closes it, split by endpoint.
 *
 * <p>{@code SlurmRunBenchmark CLUSTER N...} prints one table row per N.
 */
public final class SlurmRunBenchmark {
  private SlurmRunBenchmark() {}

  public static void main(String[] args) throws Exception {
    LabCluster lab = LabCluster.of(args[0]);
    ConnectorLog log = new ConnectorLog();
    for (int i = 1; i < args.length; i++) {
      run(lab, log, Integer.parseInt(args[i]));
    }
  }

  private static void run(LabCluster lab, ConnectorLog log, int jobs) throws Exception {
    Path home = Files.createTempDirectory("fedflow-slurm-run");
    String command = System.getenv().getOrDefault("RUN_COMMAND", "true");
    Path file = SlurmSubmitBenchmark.fanOut(home, jobs, List.of(command.split(" ")));
    Workflow wf = WorkflowYamlReader.read(file);
    EngineConfig config =
        new EngineConfig(home, null, List.of(lab.site("lab" + lab.cluster())), null);
    double load = SlurmSubmitBenchmark.loadAverage();
    Map<String, Long> d0 = lab.daemonCpu();
    long c0 = CpuTime.process();
    long t0 = System.nanoTime();
    RunState end;
    long succeeded;
    String runId;
    try (Engine engine = Engine.open(config)) {
      RunRecord run = engine.submit(wf, file.toString(), Map.of());
      runId = run.id();
      end = engine.follow(run.id(), p -> {});
      succeeded =
          engine.jobs(run.id()).stream().filter(j -> j.state() == JobState.SUCCEEDED).count();
    }
    long wall = System.nanoTime() - t0;
    long cpu = CpuTime.process() - c0;
    Map<String, Long> d1 = lab.daemonCpu();
    ConnectorLog.Counts c = log.take();
    long polls = c.of("GET /slurm/jobs");
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %s %d | %.1f s (%.1f s CPU) | %d | **%.2f** | %d | %d (**%.3f**/job, %d unchanged) | %d | %d"
            + " | %d | %d | %,d KiB (%.0f KiB/job) | %.1f s | %.1f s | %.1f |%n",
        lab.get("SLURM_VERSION"),
        jobs,
        end.name().toLowerCase(Locale.ROOT),
        succeeded,
        wall / 1e9,
        cpu / 1e9,
        c.total(),
        (double) c.total() / jobs,
        c.of("POST /slurm/job/submit"),
        polls,
        (double) polls / jobs,
        c.unchanged(),
        c.of("GET /slurmdb"),
        c.of("GET /slurm/nodes"),
        c.of("GET /openapi"),
        c.total()
            - c.of("POST /slurm/job/submit")
            - polls
            - c.of("GET /slurmdb")
            - c.of("GET /slurm/nodes")
            - c.of("GET /openapi"),
        c.kib(),
        (double) c.kib() / jobs,
        (d1.get("slurmrestd") - d0.get("slurmrestd")) / 1e9,
        (d1.get("slurmctld") - d0.get("slurmctld")) / 1e9,
        load);
    System.err.println("  " + c.line());
    lab.removeRun(runId);
    Folders.deleteTree(home);
  }
}
