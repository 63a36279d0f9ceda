package io.fedflow.engine.run;

import io.fedflow.engine.EngineException;
import io.fedflow.engine.connector.ConnectorProvider;
import io.fedflow.engine.connector.SiteConfig;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** The connector providers on the class path, by site type ({@link ServiceLoader}). */
final class Providers {
  private final Map<String, ConnectorProvider> byType = new TreeMap<>();

  Providers() {
    for (ConnectorProvider p : ServiceLoader.load(ConnectorProvider.class)) {
      byType.put(p.type(), p);
    }
  }

  /**
   * The provider of the site's type.
   *
   * @throws EngineException naming the site and the types known when none serves it
   */
  ConnectorProvider of(SiteConfig c) {
    ConnectorProvider p = byType.get(c.type());
    if (p == null) {
      throw new EngineException(
          "site "
              + c.name()
              + ": type: expected a site type that a connector serves ("
              + String.join(", ", byType.keySet())
              + ") but found '"
              + c.type()
              + "'");
    }
    return p;
  }
}
