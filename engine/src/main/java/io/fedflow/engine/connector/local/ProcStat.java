package io.fedflow.engine.connector.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What /proc tells of a process: whether the process with a given pid is still the one that was
 * started (same start time, field 22 of {@code /proc/PID/stat}, in clock ticks since boot) and has
 * not ended. Linux only, like the rest of this connector.
 */
final class ProcStat {
  private ProcStat() {}

  /** True when {@code pid} runs and started at {@code startTicks}; a zombie has ended. */
  static boolean isRunning(long pid, String startTicks) {
    String[] fields = fieldsFromState(pid);
    return fields != null
        && fields.length > 19
        && !fields[0].equals("Z")
        && !fields[0].equals("X")
        && fields[19].equals(startTicks);
  }

  /** The fields of /proc/PID/stat from the third (state) on, or null when there is no such pid. */
  private static String[] fieldsFromState(long pid) {
    String stat;
    try {
      stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    } catch (IOException e) {
      return null;
    }
    // The second field is the command name in parentheses and may itself hold ") ".
    int end = stat.lastIndexOf(") ");
    return end < 0 ? null : stat.substring(end + 2).trim().split(" ");
  }
}
