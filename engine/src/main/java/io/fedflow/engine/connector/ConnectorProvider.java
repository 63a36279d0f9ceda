package io.fedflow.engine.connector;

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
}
