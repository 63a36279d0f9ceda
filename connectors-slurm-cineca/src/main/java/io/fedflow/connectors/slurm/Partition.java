package io.fedflow.connectors.slurm;

import io.fedflow.dag.Size;
import java.time.Duration;

/**
 * A partition of a Slurm site as its settings describe it ({@code partitions.<name>.<field>}): its
 * nodes' hardware, for placement, and the limits a job must fit. A null field is not described and
 * limits nothing.
 *
 * @param nodes how many nodes it has
 * @param cpusPerNode cores per node
 * @param memoryPerNode memory per node that jobs may use
 * @param gpusPerNode GPUs per node (0: none)
 * @param gpuModel the GPUs' model, such as {@code a100}
 * @param cpuModel the CPUs' model, for people and for energy models
 * @param maxNodes the most nodes one job may have
 * @param maxWalltime the longest walltime without a QoS that allows more
 * @param maxCpus the most cores one job may have, when less than a node's
 * @param maxMemory the most memory one job may have, when less than a node's
 */
record Partition(
    String name,
    Integer nodes,
    Integer cpusPerNode,
    Size memoryPerNode,
    Integer gpusPerNode,
    String gpuModel,
    String cpuModel,
    Integer maxNodes,
    Duration maxWalltime,
    Integer maxCpus,
    Size maxMemory) {

  /** The most cores a single-node job may have here, or null when not described. */
  Integer cpuLimit() {
    return smaller(maxCpus, cpusPerNode);
  }

  /** The most memory a single-node job may have here, or null when not described. */
  Size memoryLimit() {
    if (maxMemory == null || memoryPerNode == null) {
      return maxMemory == null ? memoryPerNode : maxMemory;
    }
    return maxMemory.bytes() <= memoryPerNode.bytes() ? maxMemory : memoryPerNode;
  }

  private static Integer smaller(Integer a, Integer b) {
    return a == null ? b : b == null ? a : Integer.valueOf(Math.min(a, b));
  }
}
