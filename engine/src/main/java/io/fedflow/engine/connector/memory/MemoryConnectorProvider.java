package io.fedflow.engine.connector.memory;

import io.fedflow.engine.connector.Connector;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.ConnectorProvider;
import io.fedflow.engine.connector.SiteConfig;
import java.time.Clock;

/** Serves sites of type {@code memory}. */
public final class MemoryConnectorProvider implements ConnectorProvider {
  public static final String TYPE = "memory";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Connector open(SiteConfig site) throws ConnectorException {
    return new MemoryConnector(site, Clock.systemUTC());
  }
}
