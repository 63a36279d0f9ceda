package io.fedflow.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * CPU time, reported beside wall time because these machines are shared and noisy: CPU time of the
 * benchmark thread is what the work cost, whatever else ran at the same time.
 */
final class CpuTime {
  private CpuTime() {}

  /** Nanoseconds of CPU used by the calling thread. */
  static long thread() {
    return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
  }

  /** Nanoseconds of CPU used by the whole JVM: JIT compiler and garbage collector included. */
  static long process() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
