package io.fedflow.connectors.slurm.rest;

import io.fedflow.engine.connector.ConnectorException;
import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What fedflow needs from a Slurm cluster, whatever the API version and transport (slurmrestd, or
 * the commands over SSH). Every failure is a {@link ConnectorException} naming the endpoint, the
 * status and Slurm's words; transient means that asking again later may work.
 */
public interface SlurmClient {

  ApiVersion version();

  /** Submits a batch job; returns its job id. */
  long submit(JobRequest request) throws ConnectorException;

  /** All the jobs slurmctld knows (one request); finished jobs leave after MinJobAge. */
  List<JobRecord> jobs() throws ConnectorException;

  /** One job from slurmctld, or empty when slurmctld does not know it (any more). */
  Optional<JobRecord> job(long id) throws ConnectorException;

  /** One job from slurmdbd, or empty when accounting does not know it or is not served. */
  Optional<JobRecord> accountingJob(long id) throws ConnectorException;

  /** The jobs slurmdbd knows by these names (fedflow's tokens), for recovery after a crash. */
  List<JobRecord> accountingJobsNamed(Collection<String> names) throws ConnectorException;

  /** Cancels a job; a job that already ended or that slurmctld forgot is not an error. */
  void cancel(long id) throws ConnectorException;

  List<NodeRecord> nodes() throws ConnectorException;

  List<PartitionRecord> partitions() throws ConnectorException;

  /** Checks that slurmctld answers and accepts our token; fails with a clear message if not. */
  void ping() throws ConnectorException;

  /**
   * A file on the cluster (an attempt's stdout, for {@code fedflow logs}), read from its start by
   * the caller, who closes it; empty when this transport cannot read files, as slurmrestd, which
   * has no file API. A transport with a shell on the cluster (SSH) reads it with a remote {@code
   * cat}.
   */
  default Optional<InputStream> readFile(String path) throws ConnectorException {
    return Optional.empty();
  }
}
