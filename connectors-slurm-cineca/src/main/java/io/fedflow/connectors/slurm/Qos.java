package io.fedflow.connectors.slurm;

import java.time.Duration;
import java.util.List;

/**
 * A Slurm QoS of a site as its settings describe it ({@code qos.<name>.<field>}): the partitions it
 * applies to and the limits it sets there in place of the partition's. A null limit is not
 * described.
 *
 * @param partitions the partitions a job may use it on
 * @param minNodes the fewest nodes a job must ask for to use it (a QoS for big jobs)
 * @param maxNodes the most nodes a job may ask for with it
 * @param maxWalltime the longest walltime with it
 */
record Qos(
    String name,
    List<String> partitions,
    Integer minNodes,
    Integer maxNodes,
    Duration maxWalltime) {
  Qos {
    partitions = List.copyOf(partitions);
  }

  /** Whether a single-node job may use it at all. */
  boolean takesOneNode() {
    return (minNodes == null || minNodes <= 1) && (maxNodes == null || maxNodes >= 1);
  }
}
