package io.fedflow.connectors.slurm;

import io.fedflow.connectors.slurm.rest.JobRequest;
import io.fedflow.dag.JobSpec;
import io.fedflow.dag.Resources;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.Submission;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A {@link Submission} in Slurm's words: the job named by its token, run by the launcher. */
final class SubmitRequest {
  private static final long MIB = 1024L * 1024;

  private SubmitRequest() {}

  static JobRequest of(Submission s, SlurmSettings site) throws ConnectorException {
    JobSpec spec = s.instance().spec();
    ClusterPaths paths = ClusterPaths.of(site.workdir(), s);
    return of(s, site, BatchScript.of(s.instance().id(), spec, paths));
  }

  /** The request with this batch script. */
  static JobRequest of(Submission s, SlurmSettings site, String script) throws ConnectorException {
    JobSpec spec = s.instance().spec();
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", site.path());
    env.putAll(spec.env());
    Resources r = spec.resources();
    PartitionChoice partitions = site.partitionChoice();
    PartitionChoice.Choice where =
        partitions
            .choose(r)
            .orElseThrow(
                () ->
                    new ConnectorException(
                        "site "
                            + site.site()
                            + ": job "
                            + s.instance().id()
                            + " fits no partition: "
                            + String.join("; ", partitions.misfits(r)),
                        false));
    return new JobRequest(
        s.token(),
        s.instance().id(),
        script,
        null,
        env,
        // Slurm opens the job's streams before the launcher makes the attempt folder: it starts in
        // the site's folder, which exists, and the launcher redirects the program's streams.
        site.workdir(),
        null,
        "/dev/null",
        "/dev/null",
        r.cpus(),
        r.gpus(),
        r.gpuModel() == null ? null : r.gpuModel().toLowerCase(Locale.ROOT),
        r.memory() == null ? null : Math.max(1, ceilDiv(r.memory().bytes(), MIB)),
        r.walltime() == null ? null : (int) Math.max(1, ceilDiv(r.walltime().toSeconds(), 60)),
        where.partition(),
        site.account(),
        where.qos(),
        null); // a plain job: ArrayBatcher makes arrays of these
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
