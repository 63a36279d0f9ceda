package io.fedflow.engine.connector.local;

import io.fedflow.dag.Durations;
import io.fedflow.dag.Resources;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.Properties;

/**
 * What a job holds while it runs: cpus (1 unless set), memory (none unless set), and the walltime
 * after which it is stopped (none unless set).
 */
record Limits(int cpus, long memory, Duration walltime) {
  static final Limits DEFAULT = new Limits(1, 0, null);

  static Limits of(Resources r) {
    return new Limits(
        r.cpus() == null ? 1 : r.cpus(), r.memory() == null ? 0 : r.memory().bytes(), r.walltime());
  }

  /** As kept in an attempt folder's {@code limits} file. */
  String text() {
    String text = "cpus=" + cpus + "\nmemory=" + memory;
    return walltime == null ? text : text + "\nwalltime=" + Durations.format(walltime);
  }

  /** Reads an attempt's limits file; the defaults when there is none or it cannot be read. */
  static Limits read(AttemptFolder folder) {
    String text = folder.complete(AttemptFolder.LIMITS);
    if (text == null) {
      return DEFAULT;
    }
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
      String walltime = p.getProperty("walltime");
      return new Limits(
          Integer.parseInt(p.getProperty("cpus", "1")),
          Long.parseLong(p.getProperty("memory", "0")),
          walltime == null ? null : Durations.parse(walltime));
    } catch (IOException | IllegalArgumentException e) {
      return DEFAULT;
    }
  }
}
