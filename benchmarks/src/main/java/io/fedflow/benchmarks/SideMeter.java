package io.fedflow.benchmarks;

import java.util.Locale;
import java.util.Map;

/**
 * One side of one round of a submission benchmark: wall time, this JVM's CPU and each lab daemon's
 * CPU from {@link #start} to {@link #stop}, printed as a table row {@code | Slurm | round | side |
 * jobs | wall | jobs/s | JVM CPU | slurmrestd | slurmctld | slurmdbd | slurmd | load |}.
 */
record SideMeter(LabCluster lab, double load, Map<String, Long> daemons, long cpu, long t0) {

  /** Wall and JVM CPU time of a side, in nanoseconds. */
  record Result(long wallNanos, long jvmCpuNanos) {}

  static SideMeter start(LabCluster lab) throws Exception {
    return new SideMeter(
        lab,
        SlurmSubmitBenchmark.loadAverage(),
        lab.daemonCpu(),
        CpuTime.process(),
        System.nanoTime());
  }

  Result stop(String side, String round, int jobs) throws Exception {
    long wall = System.nanoTime() - t0;
    long used = CpuTime.process() - cpu;
    Map<String, Long> d1 = lab.daemonCpu();
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %s | %d | %.2f s | %.0f | %.2f s | %.2f s | %.2f s | %.2f s | %.2f s | %.1f |%n",
        lab.get("SLURM_VERSION"),
        round,
        side,
        jobs,
        wall / 1e9,
        jobs / (wall / 1e9),
        used / 1e9,
        (d1.get("slurmrestd") - daemons.get("slurmrestd")) / 1e9,
        (d1.get("slurmctld") - daemons.get("slurmctld")) / 1e9,
        (d1.get("slurmdbd") - daemons.get("slurmdbd")) / 1e9,
        (d1.get("slurmd") - daemons.get("slurmd")) / 1e9,
        load);
    return new Result(wall, used);
  }
}
