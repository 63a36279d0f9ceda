package io.fedflow.connectors.slurm;

import java.util.List;

/**
 * The batch script of a job array: every task runs the same launcher, which picks its attempt by
 * {@code SLURM_ARRAY_TASK_ID} in a {@code case}, each branch being the lines {@link BatchScript}
 * writes for one attempt (its folder, its program and arguments single-quoted), then writes the
 * exit code as a plain job's launcher does. A task id without an attempt exits 122.
 */
final class ArrayLauncher {
  static final int NO_ATTEMPT = 122;

  private ArrayLauncher() {}

  /** One task: its id and its branch of the {@code case}. */
  record Task(int id, String lines) {
    /** The characters this task adds to the launcher. */
    int size() {
      return lines.length() + 16;
    }
  }

  static String of(String job, List<Task> tasks) {
    StringBuilder sh = new StringBuilder(64 + tasks.stream().mapToInt(Task::size).sum() + 256);
    sh.append("#!/bin/sh\n");
    sh.append("# fedflow: ")
        .append(tasks.size())
        .append(" attempts of ")
        .append(BatchScript.oneLine(job))
        .append(", one per array task\n");
    sh.append("case \"${SLURM_ARRAY_TASK_ID:-}\" in\n");
    for (Task t : tasks) {
      sh.append(t.id()).append(")\n").append(t.lines()).append(";;\n");
    }
    sh.append("*)\n");
    sh.append("echo \"fedflow: no attempt for array task ${SLURM_ARRAY_TASK_ID:-(none)}\" >&2\n");
    sh.append("exit ").append(NO_ATTEMPT).append('\n');
    sh.append(";;\n");
    sh.append("esac\n");
    BatchScript.end(sh);
    return sh.toString();
  }
}
