package io.fedflow.engine.connector;

import java.util.Map;

/**
 * A site as configured: its name, its type (which provider serves it) and the provider's settings.
 * Secrets are never values here, only references (a file path, an environment variable name).
 */
public record SiteConfig(String name, String type, Map<String, String> settings) {
  public SiteConfig {
    if (name == null || name.isBlank() || type == null || type.isBlank()) {
      throw new IllegalArgumentException("a site needs a name and a type");
    }
    settings = settings == null ? Map.of() : Map.copyOf(settings);
  }
}
