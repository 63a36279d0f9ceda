package io.fedflow.connectors.slurm;

import io.fedflow.connectors.slurm.rest.JobRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * A job as fedflow names it at a Slurm site: a plain job's id ({@code 1234}), or one task of an
 * array as Slurm writes it, {@code <array job id>_<task id>} ({@code 1234_7}).
 *
 * @param task the task id, or null for a plain job
 */
record JobKey(long job, Integer task) {

  /** The key of a native id, or null when it is not one. */
  static JobKey parse(String nativeId) {
    try {
      int sep = nativeId.indexOf('_');
      return sep < 0
          ? new JobKey(Long.parseLong(nativeId), null)
          : new JobKey(
              Long.parseLong(nativeId.substring(0, sep)),
              Integer.parseInt(nativeId.substring(sep + 1)));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  String nativeId() {
    return task == null ? Long.toString(job) : job + "_" + task;
  }

  /**
   * The jobs a record tells of: a plain job, one task, or every task still pending together in the
   * array's own record.
   */
  static List<JobKey> of(JobRecord r) {
    if (r.arrayJobId() == null) {
      return List.of(new JobKey(r.id(), null));
    }
    if (r.arrayTaskId() != null) {
      return List.of(new JobKey(r.arrayJobId(), r.arrayTaskId()));
    }
    List<JobKey> keys = new ArrayList<>();
    if (r.arrayPending() != null) {
      for (int t : TaskList.parse(r.arrayPending())) {
        keys.add(new JobKey(r.arrayJobId(), t));
      }
    }
    return keys;
  }
}
