package io.fedflow.connectors.slurm.rest;

import io.fedflow.connectors.slurm.rest.v0038.V0038Answers;
import io.fedflow.connectors.slurm.rest.v0040.V0040Answers;
import io.fedflow.engine.connector.ConnectorException;
import java.util.List;

/**
 * Slurm's JSON answers of one API family turned into fedflow's records, whichever transport brought
 * them: slurmrestd's bodies, or the {@code --json} output of {@code squeue}, {@code sacct}, {@code
 * sinfo} and {@code scontrol}, which use the same data model (22.05 writes v0.0.38, 24.11 v0.0.42
 * unless asked for another). Each method names {@code source} (the request or the command) when the
 * body is not what the family writes.
 */
public interface SlurmAnswers {

  /** slurmctld's jobs: {@code GET /slurm/<v>/jobs}, {@code squeue --json}. */
  List<JobRecord> jobs(String source, String body) throws ConnectorException;

  /** slurmdbd's jobs: {@code GET /slurmdb/<v>/jobs}, {@code sacct --json}. */
  List<JobRecord> accountingJobs(String source, String body) throws ConnectorException;

  /** {@code GET /slurm/<v>/nodes}; {@code sinfo --json} (22.05), {@code scontrol show nodes}. */
  List<NodeRecord> nodes(String source, String body) throws ConnectorException;

  /** {@code GET /slurm/<v>/partitions}; {@code scontrol show partitions --json} (23.02+). */
  List<PartitionRecord> partitions(String source, String body) throws ConnectorException;

  /** The reader of a version's family. */
  static SlurmAnswers of(ApiVersion version) {
    return version.modern() ? V0040Answers.INSTANCE : V0038Answers.INSTANCE;
  }
}
