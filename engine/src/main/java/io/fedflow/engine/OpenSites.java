package io.fedflow.engine;

import io.fedflow.engine.connector.SiteConfig;
import io.fedflow.engine.run.Sites;
import io.fedflow.engine.site.SitesFile;
import io.fedflow.engine.site.SitesSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The sites an engine has open: its own (from {@link EngineConfig#sites()}, the embedded default
 * when none), and those of each sites file its runs use, each opened once and shared by the runs of
 * the same file, so that a site is polled once for all of them.
 */
final class OpenSites implements AutoCloseable {
  private final EngineConfig config;
  private final Map<SitesSource, Sites> byFile = new HashMap<>();
  private Sites own;
  private boolean closed;

  OpenSites(EngineConfig config) {
    this.config = config;
  }

  /**
   * The open sites of this file, or the engine's own for null.
   *
   * @throws EngineException naming every site that cannot be opened, or when closed
   */
  synchronized Sites of(SitesFile file) {
    if (closed) {
      throw new EngineException("the engine is closed");
    }
    if (file == null) {
      if (own == null) {
        own = Sites.open(config.sites(), home());
      }
      return own;
    }
    Sites open = byFile.get(file.source());
    if (open == null) {
      open = Sites.open(file, home());
      byFile.put(file.source(), open);
    }
    return open;
  }

  /** The site configs of this file, or the engine's own for null (embedded default included). */
  List<SiteConfig> configs(SitesFile file) {
    return Sites.orDefault(file == null ? config.sites() : file.sites(), home());
  }

  private Path home() {
    return config.home().toAbsolutePath();
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (own != null) {
      own.close();
    }
    byFile.values().forEach(Sites::close);
  }
}
