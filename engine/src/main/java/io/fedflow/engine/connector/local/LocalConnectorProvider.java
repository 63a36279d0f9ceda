package io.fedflow.engine.connector.local;

import io.fedflow.engine.connector.Connector;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.ConnectorProvider;
import io.fedflow.engine.connector.SiteConfig;

/**
 * Serves sites of type {@code local}: this machine, the embedded default, which needs no settings.
 * See {@link LocalSettings} for the optional ones.
 */
public final class LocalConnectorProvider implements ConnectorProvider {

  @Override
  public String type() {
    return "local";
  }

  @Override
  public Connector open(SiteConfig site) throws ConnectorException {
    return LocalConnector.open(site);
  }
}
