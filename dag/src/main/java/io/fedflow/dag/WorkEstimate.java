package io.fedflow.dag;

import java.time.Duration;

/**
 * How much work a job is, for placement to estimate its energy, cost and time at each site. Any
 * field may be null; a job with no estimate is placed on resources alone.
 *
 * @param coreHours reference core-hours (on a core like those of the reference machine)
 * @param gpuHours reference GPU-hours
 * @param referenceRuntime the expected runtime on the reference machine
 */
public record WorkEstimate(Double coreHours, Double gpuHours, Duration referenceRuntime) {}
