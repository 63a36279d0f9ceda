package io.fedflow.dag;

import java.time.Duration;

/**
 * What a job asks of a site. Each field is {@code null} when unset, so that workflow defaults can
 * fill it; {@link #orElse} merges field by field. Maps onto JSDL's TotalCPUCount,
 * IndividualPhysicalMemory, TotalDiskSpace and POSIX WallTimeLimit.
 *
 * @param cpus cores
 * @param gpus GPUs
 * @param gpuModel a GPU model such as {@code A100}, or null for any
 * @param memory memory for the whole job
 * @param disk scratch disk for the whole job
 * @param walltime the longest the job may run before the site kills it
 */
public record Resources(
    Integer cpus, Integer gpus, String gpuModel, Size memory, Size disk, Duration walltime) {

  public static final Resources NONE = new Resources(null, null, null, null, null, null);

  /** These resources with every unset field taken from {@code fallback}. */
  public Resources orElse(Resources fallback) {
    if (fallback == null) {
      return this;
    }
    return new Resources(
        cpus != null ? cpus : fallback.cpus,
        gpus != null ? gpus : fallback.gpus,
        gpuModel != null ? gpuModel : fallback.gpuModel,
        memory != null ? memory : fallback.memory,
        disk != null ? disk : fallback.disk,
        walltime != null ? walltime : fallback.walltime);
  }

  public boolean isEmpty() {
    return equals(NONE);
  }
}
