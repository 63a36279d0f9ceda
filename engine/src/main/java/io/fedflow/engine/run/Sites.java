package io.fedflow.engine.run;

import io.fedflow.engine.EngineException;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.ConnectorProvider;
import io.fedflow.engine.connector.SiteConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The sites an engine uses, each with its connector open, found through {@link ServiceLoader} by
 * site type. With no site configured, the embedded default: one local site named {@code local}.
 */
public final class Sites implements AutoCloseable {
  /** The name of the embedded default site. */
  public static final String DEFAULT = "local";

  // Site types whose connectors run in this process, so that asking their room costs nothing.
  private static final Set<String> IN_PROCESS = Set.of("local", "memory");

  private final Map<String, Site> byName;
  private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

  private Sites(Map<String, Site> byName) {
    this.byName = byName;
    byName.values().forEach(s -> s.connector().onNews(this::news));
  }

  /**
   * Opens a connector per site.
   *
   * @param home the engine's home, the default local site's {@code home}
   * @throws EngineException naming the site whose type is unknown or whose settings are wrong
   */
  /**
   * Whether {@code site} is configured and runs its jobs elsewhere: only then may it keep files of
   * theirs that are not here. Opening the sites to learn it would start the local spawner.
   */
  public static boolean isRemote(List<SiteConfig> configs, String site) {
    return configs.stream().anyMatch(c -> c.name().equals(site) && !IN_PROCESS.contains(c.type()));
  }

  public static Sites open(List<SiteConfig> configs, Path home) {
    List<SiteConfig> sites =
        configs.isEmpty()
            ? List.of(new SiteConfig(DEFAULT, "local", Map.of("home", home.toString())))
            : configs;
    Map<String, ConnectorProvider> providers = new TreeMap<>();
    for (ConnectorProvider p : ServiceLoader.load(ConnectorProvider.class)) {
      providers.put(p.type(), p);
    }
    Map<String, Site> open = new LinkedHashMap<>();
    try {
      for (SiteConfig c : sites) {
        if (open.containsKey(c.name())) {
          throw new EngineException("site '" + c.name() + "' is configured twice");
        }
        ConnectorProvider p = providers.get(c.type());
        if (p == null) {
          throw new EngineException(
              "site '"
                  + c.name()
                  + "' has the type '"
                  + c.type()
                  + "', which no connector serves (known: "
                  + String.join(", ", providers.keySet())
                  + ")");
        }
        try {
          open.put(c.name(), new Site(c.name(), p.open(c), IN_PROCESS.contains(c.type())));
        } catch (ConnectorException e) {
          throw new EngineException("cannot open site '" + c.name() + "': " + e.getMessage(), e);
        }
      }
    } catch (RuntimeException e) {
      open.values().forEach(Site::close);
      throw e;
    }
    return new Sites(open);
  }

  /** The site jobs are placed on while placement has one site to choose. */
  String first() {
    return byName.keySet().iterator().next();
  }

  /** The site of this name, or null. */
  Site get(String name) {
    return byName.get(name);
  }

  /**
   * Calls {@code wake}, from any thread, whenever a site has news of its jobs, until unlistened.
   */
  void listen(Runnable wake) {
    listeners.add(wake);
  }

  void unlisten(Runnable wake) {
    listeners.remove(wake);
  }

  private void news() {
    listeners.forEach(Runnable::run);
  }

  List<Site> all() {
    return new ArrayList<>(byName.values());
  }

  @Override
  public void close() {
    byName.values().forEach(Site::close);
  }
}
