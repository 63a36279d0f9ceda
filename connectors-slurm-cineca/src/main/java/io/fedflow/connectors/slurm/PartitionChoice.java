package io.fedflow.connectors.slurm;

import io.fedflow.dag.Durations;
import io.fedflow.dag.Resources;
import io.fedflow.dag.Size;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which partition and QoS a job goes to on a Slurm site: the first described partition, in the
 * order written, whose limits fit the job's resources (jobs are single-node), without a QoS when it
 * fits so, else with the first QoS of that partition that makes it fit. A site that fixes its
 * {@code partition} (or {@code qos}) is held to it. A site that describes no partition sends every
 * job to its {@code partition} (the cluster's default when unset) unchecked.
 */
final class PartitionChoice {
  /** A partition and QoS; either may be null (the cluster's default). */
  record Choice(String partition, String qos) {}

  private final Partitions described;
  private final String partition;
  private final String qos;

  PartitionChoice(Partitions described, String partition, String qos) {
    this.described = described;
    this.partition = partition;
    this.qos = qos;
  }

  /** The choice for a job with these resources, or empty when no partition fits it. */
  Optional<Choice> choose(Resources r) {
    List<Partition> candidates = candidates();
    if (candidates.isEmpty()) {
      return Optional.of(new Choice(partition, qos));
    }
    for (Partition p : candidates) {
      for (Qos q : qosFor(p)) {
        if (reasons(r, p, q).isEmpty()) {
          return Optional.of(new Choice(p.name(), qos != null ? qos : q == null ? null : q.name()));
        }
      }
    }
    return Optional.empty();
  }

  /** Why no partition fits, one line per partition and reason; empty when one does. */
  List<String> misfits(Resources r) {
    if (choose(r).isPresent()) {
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Partition p : candidates()) {
      Qos widest = null; // the QoS that allows the longest walltime, or none
      for (Qos q : qosFor(p)) {
        Duration limit = walltimeLimit(p, q);
        Duration best = walltimeLimit(p, widest);
        if (best != null && (limit == null || limit.compareTo(best) > 0)) {
          widest = q;
        }
      }
      out.addAll(reasons(r, p, widest));
    }
    return out;
  }

  private List<Partition> candidates() {
    if (partition == null) {
      return described.partitions();
    }
    Partition p = described.partition(partition);
    return p == null ? List.of() : List.of(p);
  }

  /** The QoS to try on {@code p}, in order; null stands for none. */
  private List<Qos> qosFor(Partition p) {
    List<Qos> out = new ArrayList<>();
    if (qos != null) {
      out.add(described.qos(qos)); // null when not described: the partition's limits hold
      return out;
    }
    out.add(null);
    for (Qos q : described.qos()) {
      if (q.partitions().contains(p.name()) && q.takesOneNode()) {
        out.add(q);
      }
    }
    return out;
  }

  private static Duration walltimeLimit(Partition p, Qos q) {
    return q != null && q.maxWalltime() != null ? q.maxWalltime() : p.maxWalltime();
  }

  private List<String> reasons(Resources r, Partition p, Qos q) {
    List<String> out = new ArrayList<>();
    String in = "partition " + p.name();
    Duration wall = walltimeLimit(p, q);
    if (r.walltime() != null && wall != null && r.walltime().compareTo(wall) > 0) {
      boolean byQos = q != null && q.maxWalltime() != null;
      out.add(
          "needs walltime "
              + Durations.format(r.walltime())
              + " but "
              + in
              + " allows at most "
              + (byQos
                  ? shown("qos." + q.name() + ".maxWalltime") + " (with QoS " + q.name() + ")"
                  : shown("partitions." + p.name() + ".maxWalltime")));
    }
    int cpus = r.cpus() == null ? 1 : r.cpus();
    if (p.cpuLimit() != null && cpus > p.cpuLimit()) {
      out.add("needs " + cpus + " cpus but " + in + " allows at most " + p.cpuLimit());
    }
    Size memory = p.memoryLimit();
    if (r.memory() != null && memory != null && r.memory().bytes() > memory.bytes()) {
      String key = memory == p.maxMemory() ? "maxMemory" : "memoryPerNode";
      out.add(
          "needs memory "
              + shown(r.memory())
              + " but "
              + in
              + " allows at most "
              + shown("partitions." + p.name() + "." + key));
    }
    int gpus = r.gpus() == null ? 0 : r.gpus();
    if (gpus > 0 && p.gpusPerNode() != null && gpus > p.gpusPerNode()) {
      out.add(
          "needs "
              + gpus
              + (gpus == 1 ? " GPU" : " GPUs")
              + " but "
              + in
              + (p.gpusPerNode() == 0 ? " has none" : " has " + p.gpusPerNode() + " per node"));
    }
    if (gpus > 0
        && r.gpuModel() != null
        && p.gpuModel() != null
        && !r.gpuModel().equalsIgnoreCase(p.gpuModel())) {
      out.add("needs GPU model " + r.gpuModel() + " but " + in + " has " + p.gpuModel());
    }
    return out;
  }

  /** A size as people write it: the shortest exact form, binary (8GiB) or decimal (600GB). */
  private static String shown(Size size) {
    String best = size.toString();
    String[] units = {"TB", "GB", "MB", "KB"};
    long[] factors = {1_000_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};
    for (int i = 0; i < units.length; i++) {
      String decimal = size.bytes() / factors[i] + units[i];
      if (size.bytes() != 0 && size.bytes() % factors[i] == 0 && decimal.length() < best.length()) {
        best = decimal;
      }
    }
    return best;
  }

  private String shown(String key) {
    return described.written().getOrDefault(key, "?");
  }
}
