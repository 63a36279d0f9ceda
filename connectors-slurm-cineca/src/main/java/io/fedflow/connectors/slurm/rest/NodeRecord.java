package io.fedflow.connectors.slurm.rest;

import java.util.List;

/**
 * A compute node: its state names ({@code [IDLE]}, {@code [MIXED, DRAIN]}), its cpus and GPUs and
 * how many are allocated, and the partitions it belongs to.
 */
public record NodeRecord(
    String name,
    List<String> states,
    int cpus,
    int allocatedCpus,
    List<String> partitions,
    int gpus,
    int allocatedGpus) {

  public NodeRecord {
    states = List.copyOf(states);
    partitions = List.copyOf(partitions);
  }

  /** Whether the scheduler may start jobs here: not down, drained, failing or powered off. */
  public boolean usable() {
    return states.stream()
        .map(s -> s.toUpperCase(java.util.Locale.ROOT))
        .noneMatch(
            s ->
                s.startsWith("DOWN")
                    || s.startsWith("DRAIN")
                    || s.startsWith("FAIL")
                    || s.startsWith("POWER")
                    || s.equals("NOT_RESPONDING")
                    || s.equals("UNKNOWN")
                    || s.equals("FUTURE"));
  }
}
