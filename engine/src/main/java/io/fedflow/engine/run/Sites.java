package io.fedflow.engine.run;

import io.fedflow.engine.EngineException;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.ConnectorProvider;
import io.fedflow.engine.connector.SiteConfig;
import io.fedflow.engine.site.SitesException;
import io.fedflow.engine.site.SitesFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

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
   * Whether {@code site} is configured and runs its jobs elsewhere: only then may it keep files of
   * theirs that are not here. Opening the sites to learn it would start the local spawner.
   */
  public static boolean isRemote(List<SiteConfig> configs, String site) {
    return configs.stream().anyMatch(c -> c.name().equals(site) && !IN_PROCESS.contains(c.type()));
  }

  /**
   * Opens a connector per site.
   *
   * @param home the engine's home, the default local site's {@code home}
   * @throws EngineException naming every site whose type is unknown or whose settings are wrong
   */
  public static Sites open(List<SiteConfig> configs, Path home) {
    return open(configs, home, p -> p);
  }

  /**
   * Opens a connector per site of a sites file; each problem names its place in the file.
   *
   * @throws SitesException with every problem of every site
   */
  public static Sites open(SitesFile file, Path home) {
    try {
      return open(file.sites(), home, file::locate);
    } catch (EngineException e) {
      throw new SitesException(List.of(e.getMessage().split("\n")));
    }
  }

  /** The sites, or the embedded default when none is configured. */
  public static List<SiteConfig> orDefault(List<SiteConfig> configs, Path home) {
    return configs.isEmpty()
        ? List.of(new SiteConfig(DEFAULT, "local", Map.of("home", home.toString())))
        : configs;
  }

  private static Sites open(List<SiteConfig> configs, Path home, UnaryOperator<String> locate) {
    Providers providers = new Providers();
    Map<String, Site> open = new LinkedHashMap<>();
    List<String> problems = new ArrayList<>();
    for (SiteConfig c : orDefault(configs, home)) {
      try {
        if (open.containsKey(c.name())) {
          throw new EngineException("site " + c.name() + ": is configured twice");
        }
        ConnectorProvider p = providers.of(c);
        open.put(c.name(), new Site(c.name(), p.open(c), IN_PROCESS.contains(c.type())));
      } catch (EngineException | ConnectorException e) {
        for (String line : e.getMessage().split("\\n")) {
          problems.add(
              locate.apply(line.startsWith("site ") ? line : "site " + c.name() + ": " + line));
        }
      }
    }
    if (!problems.isEmpty()) {
      open.values().forEach(Site::close);
      throw new EngineException(String.join("\n", problems));
    }
    return new Sites(open);
  }

  /** The names of the sites, in the order configured. */
  List<String> names() {
    return List.copyOf(byName.keySet());
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
