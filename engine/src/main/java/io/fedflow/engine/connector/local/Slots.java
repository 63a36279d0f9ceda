package io.fedflow.engine.connector.local;

import io.fedflow.engine.connector.Capacity;
import io.fedflow.engine.connector.ConnectorException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The machine's cpus and memory and what running jobs hold of them. A job starts only when it fits
 * in what is left; a free slot is room for one more job of one cpu and no memory.
 */
final class Slots {
  private final int cpus;
  private final long memory;
  private final Map<String, Limits> held = new HashMap<>();
  private int usedCpus;
  private long usedMemory;

  Slots(int cpus, long memory) {
    this.cpus = cpus;
    this.memory = memory;
  }

  /** Fails for good when the job could never fit on this machine, even when idle. */
  void checkFitsMachine(String job, Limits l) throws ConnectorException {
    if (l.cpus() > cpus) {
      throw new ConnectorException(
          job + " needs " + l.cpus() + " cpus but this machine has " + cpus, false);
    }
    if (l.memory() > memory) {
      throw new ConnectorException(
          job
              + " needs "
              + readable(l.memory())
              + " of memory but this machine has "
              + readable(memory),
          false);
    }
  }

  /** Holds room for a job if it fits now; false when it must wait for running jobs to end. */
  synchronized boolean tryHold(String key, Limits l) {
    if (held.containsKey(key)) {
      return true;
    }
    if (usedCpus + l.cpus() > cpus || usedMemory + l.memory() > memory) {
      return false;
    }
    hold(key, l);
    return true;
  }

  /**
   * Holds room for a job found running, even beyond the machine: it runs whether it fits or not.
   */
  synchronized void hold(String key, Limits l) {
    if (held.putIfAbsent(key, l) == null) {
      usedCpus += l.cpus();
      usedMemory += l.memory();
    }
  }

  synchronized void release(String key) {
    Limits l = held.remove(key);
    if (l != null) {
      usedCpus -= l.cpus();
      usedMemory -= l.memory();
    }
  }

  synchronized boolean holds(String key) {
    return held.containsKey(key);
  }

  synchronized List<String> heldKeys() {
    return List.copyOf(held.keySet());
  }

  synchronized Capacity capacity() {
    return new Capacity(usedMemory > memory ? 0 : Math.max(0, cpus - usedCpus), 0);
  }

  /** Why a job does not fit now, for the transient error the engine retries on. */
  synchronized String busy() {
    return "no room now: "
        + usedCpus
        + " of "
        + cpus
        + " cpus and "
        + readable(usedMemory)
        + " of "
        + readable(memory)
        + " memory in use";
  }

  /** A size for people: 2GiB, 23.5GiB, 512MiB. */
  static String readable(long bytes) {
    String[] units = {"TiB", "GiB", "MiB", "KiB"};
    for (int i = 0; i < units.length; i++) {
      double unit = Math.pow(1024, units.length - i);
      if (bytes >= unit) {
        String n = String.format(Locale.ROOT, "%.1f", bytes / unit);
        return (n.endsWith(".0") ? n.substring(0, n.length() - 2) : n) + units[i];
      }
    }
    return bytes + "B";
  }
}
