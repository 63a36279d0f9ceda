package io.fedflow.engine.connector;

import io.fedflow.dag.JobSpec;
import java.util.List;

/**
 * Makes connectors of one site type. Registered with one line in {@code
 * META-INF/services/io.fedflow.engine.connector.ConnectorProvider}.
 */
public interface ConnectorProvider {

  /**
   * The site type this provider serves, as written in site configs: {@code local}, {@code slurm}.
   */
  String type();

  /** A connector for this site; checks the site's settings and fails with a clear message. */
  Connector open(SiteConfig site) throws ConnectorException;

  /**
   * Why this site could never run {@code job} (its resources exceed every partition's limits, say),
   * one line per reason, such as {@code needs walltime 48h but partition boost_usr_prod allows at
   * most 24h}; empty when it may. Asked for every job before a run is recorded, without reaching
   * the site, so that a job that cannot run fails the submission instead of waiting forever. Sites
   * that know no limits keep this default.
   *
   * @param job the job's spec with the workflow's defaults applied
   * @throws ConnectorException when the site's settings are wrong, as {@link #open} would
   */
  default List<String> misfits(SiteConfig site, JobSpec job) throws ConnectorException {
    return List.of();
  }
}
