package io.fedflow.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time, reported beside wall time because these machines are shared and noisy: CPU time of the
 * benchmark thread is what the work cost, whatever else ran at the same time.
 */
final class CpuTime {
  /** Linux's USER_HZ, the unit of /proc/PID/stat times; 100 on every mainstream architecture. */
  private static final long NANOS_PER_TICK = 10_000_000L;

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

  /**
   * Nanoseconds of CPU (user and system) used by the child processes this JVM has waited for, and
   * by their own waited-for descendants ({@code cutime + cstime} of /proc/self/stat), in steps of
   * 10 ms. A child JVM's figure thus includes the processes it started and reaped.
   */
  static long children() {
    try {
      String stat = Files.readString(Path.of("/proc/self/stat"));
      // the fields after the command name, which is in parentheses and may hold spaces
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
      return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * NANOS_PER_TICK;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
