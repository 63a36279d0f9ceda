package io.fedflow.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The peak resident set size of this process ({@code VmHWM} of /proc/self/status): what the machine
 * gave the JVM at its largest, heap, metaspace, code cache, thread stacks and native buffers
 * together, whatever -Xmx says.
 */
final class Resident {
  private Resident() {}

  static long peakMebibytes() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          String kb = line.substring("VmHWM:".length()).replace("kB", "").strip();
          return Long.parseLong(kb) >> 10;
        }
      }
      throw new IllegalStateException("no VmHWM in /proc/self/status");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
