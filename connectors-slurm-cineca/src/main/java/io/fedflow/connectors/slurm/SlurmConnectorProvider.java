package io.fedflow.connectors.slurm;

import io.fedflow.connectors.slurm.rest.HttpSettings;
import io.fedflow.dag.JobSpec;
import io.fedflow.engine.connector.Connector;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.ConnectorProvider;
import io.fedflow.engine.connector.SiteConfig;
import java.time.Clock;
import java.util.List;

/** Serves sites of type {@code slurm}; see {@link SlurmSettings} for the settings. */
public final class SlurmConnectorProvider implements ConnectorProvider {

  @Override
  public String type() {
    return "slurm";
  }

  @Override
  public Connector open(SiteConfig site) throws ConnectorException {
    Clock clock = Clock.systemUTC();
    return SlurmConnector.open(
        SlurmSettings.of(site, clock, System::getenv), HttpSettings.DEFAULTS, clock);
  }

  /** Why no partition of the site fits the job's resources (see {@link PartitionChoice}). */
  @Override
  public List<String> misfits(SiteConfig site, JobSpec job) throws ConnectorException {
    return SlurmSettings.of(site, Clock.systemUTC(), System::getenv)
        .partitionChoice()
        .misfits(job.resources());
  }
}
