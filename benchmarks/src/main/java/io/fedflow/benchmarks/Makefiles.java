package io.fedflow.benchmarks;

import java.io.IOException;
import java.io.Writer;

/**
 * Makefile text for the DAGs that make runs beside fedflow. Every job is a phony target whose
 * recipe is {@code true}: with no shell metacharacters in it, GNU make runs it by fork and exec,
 * without a shell, which is the cheapest a job can be started.
 */
final class Makefiles {
  private Makefiles() {}

  /**
   * The first lines: {@code all} needs every job ({@code prefix0} .. {@code prefix<count-1>}, and
   * {@code last} if not null), and all of them are phony.
   */
  static void header(Writer w, String prefix, int count, String last) throws IOException {
    StringBuilder names = new StringBuilder();
    for (int i = 0; i < count; i++) {
      names.append(' ').append(prefix).append(i);
    }
    if (last != null) {
      names.append(' ').append(last);
    }
    w.write("all:" + names + "\n");
    w.write(".PHONY: all" + names + "\n");
  }

  static void target(Writer w, String name, String prerequisites) throws IOException {
    w.write(name + ":" + prerequisites + "\n\ttrue\n");
  }
}
