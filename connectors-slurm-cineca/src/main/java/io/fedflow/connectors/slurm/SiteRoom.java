package io.fedflow.connectors.slurm;

import io.fedflow.connectors.slurm.rest.JobRecord;
import io.fedflow.connectors.slurm.rest.NodeRecord;
import io.fedflow.connectors.slurm.rest.SlurmStates;
import io.fedflow.engine.connector.Capacity;
import io.fedflow.engine.connector.Pool;
import io.fedflow.engine.connector.SiteState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Slurm site's room. The jobs it takes are its queue, not its idle cpus: {@code maxJobsPerUser}
 * less the user's jobs queued or running (each array task one job, as Slurm counts them against
 * MaxSubmitJobs), so that a busy partition still gets the run's jobs in its queue; none when the
 * site's partition has no usable node (nothing would start). Queued: the jobs pending in the whole
 * cluster. Pools: each partition's cpus and GPUs, free on its usable nodes and in all.
 */
final class SiteRoom {
  private SiteRoom() {}

  static Capacity of(List<NodeRecord> nodes, List<JobRecord> jobs, SlurmSettings settings) {
    boolean usable = false;
    Map<String, int[]> pools = new TreeMap<>(); // free cpus, cpus, free gpus, gpus
    for (NodeRecord node : nodes) {
      usable |=
          node.usable()
              && (settings.partition() == null || node.partitions().contains(settings.partition()));
      for (String partition : node.partitions()) {
        int[] p = pools.computeIfAbsent(partition, k -> new int[4]);
        p[1] += node.cpus();
        p[3] += node.gpus();
        if (node.usable()) {
          p[0] += Math.max(0, node.cpus() - node.allocatedCpus());
          p[2] += Math.max(0, node.gpus() - node.allocatedGpus());
        }
      }
    }
    int pending = 0;
    int mine = 0;
    for (JobRecord j : jobs) {
      SiteState state = SlurmStates.observe(j).state();
      int n = j.arrayJobId() == null ? 1 : JobKey.of(j).size(); // pending tasks share a record
      if (state == SiteState.QUEUED) {
        pending += n;
      }
      if ((state == SiteState.QUEUED || state == SiteState.RUNNING)
          && settings.user().equals(j.user())) {
        mine += n;
      }
    }
    List<Pool> described = new ArrayList<>();
    pools.forEach((name, p) -> described.add(new Pool(name, p[0], p[1], p[2], p[3])));
    int free = usable ? Math.max(0, settings.maxJobsPerUser() - mine) : 0;
    return new Capacity(free, pending, described);
  }
}
