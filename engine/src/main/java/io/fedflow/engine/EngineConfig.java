package io.fedflow.engine;

import io.fedflow.engine.connector.SiteConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Where the engine keeps its state and which sites it may use.
 *
 * @param home the engine's folder ({@code ~/.fedflow} by default): database, runs, logs
 * @param database the H2 database file (without H2's {@code .mv.db} suffix), by default under home
 * @param sites the sites; empty means the embedded default, one local site
 * @param clock the time source, injected so that tests of backoff and timeouts need not sleep
 */
public record EngineConfig(Path home, Path database, List<SiteConfig> sites, Clock clock) {
  public EngineConfig {
    sites = sites == null ? List.of() : List.copyOf(sites);
    clock = clock == null ? Clock.systemUTC() : clock;
    database = database == null ? home.resolve("fedflow") : database;
  }

  /** The embedded default: everything under {@code home}, one local site. */
  public static EngineConfig at(Path home) {
    return new EngineConfig(home, null, List.of(), null);
  }
}
