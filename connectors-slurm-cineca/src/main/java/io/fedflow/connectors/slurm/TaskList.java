package io.fedflow.connectors.slurm;

import java.util.ArrayList;
import java.util.List;

/**
 * The task ids of a job array as Slurm writes them: {@code 0-9,12,15-20}, in a job's {@code
 * --array} and in slurmctld's {@code array_task_string} for the tasks still pending, which may add
 * brackets and a throttle ({@code [3-99%10]}).
 */
final class TaskList {
  private TaskList() {}

  /** Ascending ids as ranges. */
  static String format(List<Integer> ascending) {
    StringBuilder s = new StringBuilder();
    for (int k = 0; k < ascending.size(); ) {
      int from = ascending.get(k);
      int to = from;
      while (k + 1 < ascending.size() && ascending.get(k + 1) == to + 1) {
        to = ascending.get(++k);
      }
      k++;
      if (!s.isEmpty()) {
        s.append(',');
      }
      s.append(from);
      if (to > from) {
        s.append('-').append(to);
      }
    }
    return s.toString();
  }

  /**
   * The ids of a task string, ignoring brackets, a throttle and steps ({@code 0-9:2}); an id that
   * is not a number is left out.
   */
  static List<Integer> parse(String text) {
    String s = text.strip();
    if (s.startsWith("[")) {
      s = s.substring(1);
    }
    if (s.endsWith("]")) {
      s = s.substring(0, s.length() - 1);
    }
    int throttle = s.indexOf('%');
    if (throttle >= 0) {
      s = s.substring(0, throttle);
    }
    List<Integer> ids = new ArrayList<>();
    for (String part : s.split(",")) {
      try {
        int step = 1;
        int colon = part.indexOf(':');
        if (colon >= 0) {
          step = Math.max(1, Integer.parseInt(part.substring(colon + 1).strip()));
          part = part.substring(0, colon);
        }
        int dash = part.indexOf('-');
        int from = Integer.parseInt((dash < 0 ? part : part.substring(0, dash)).strip());
        int to = dash < 0 ? from : Integer.parseInt(part.substring(dash + 1).strip());
        for (int t = from; t <= to; t += step) {
          ids.add(t);
        }
      } catch (NumberFormatException e) {
        // Not Slurm's syntax: nothing fedflow submitted.
      }
    }
    return ids;
  }
}
