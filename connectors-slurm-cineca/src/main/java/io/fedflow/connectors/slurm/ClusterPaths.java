package io.fedflow.connectors.slurm;

import io.fedflow.dag.JobSpec;
import io.fedflow.engine.connector.AttemptOutput;
import io.fedflow.engine.connector.Submission;

/**
 * Where an attempt lives on the cluster, mirroring the engine's local layout under the site's
 * {@code workdir}: {@code <workdir>/<run>/work} is the run's shared working directory (a job's
 * relative {@code workdir} is resolved against it) and {@code <workdir>/<run>/attempts/<instance>/
 * <attempt>} holds the attempt's {@code stdout}, {@code stderr}, {@code script} and {@code
 * exit-code}.
 */
record ClusterPaths(String run, String workdir, String attempt) {

  static ClusterPaths of(String siteWorkdir, Submission s) {
    String run = siteWorkdir + "/" + s.runId();
    String work = run + "/work";
    String jobDir = s.instance().spec().workdir();
    if (jobDir != null && !jobDir.isBlank()) {
      work = jobDir.startsWith("/") ? jobDir : work + "/" + jobDir;
    }
    String attempt = run + "/attempts/" + safe(s.instance().id()) + "/" + s.attempt();
    return new ClusterPaths(run, work, attempt);
  }

  /**
   * Where the batch script sends a stream: the job's own file, as written (relative to its working
   * directory), or the attempt's.
   */
  String stream(JobSpec spec, AttemptOutput.Stream which) {
    String own = which == AttemptOutput.Stream.STDOUT ? spec.stdout() : spec.stderr();
    return own == null ? attempt + "/" + which.fileName() : own;
  }

  /** {@link #stream}, a relative file made absolute against the job's working directory. */
  String absoluteStream(JobSpec spec, AttemptOutput.Stream which) {
    String file = stream(spec, which);
    return file.startsWith("/") ? file : workdir + "/" + file;
  }

  /** An instance id as one folder name: a slash would make two. */
  private static String safe(String id) {
    return id.replace('/', '_');
  }
}
