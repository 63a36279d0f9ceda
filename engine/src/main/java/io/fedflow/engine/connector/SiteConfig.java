package io.fedflow.engine.connector;

import java.util.Collections;
import java.util.LinkedHashMap;
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
    Map<String, String> copy = new LinkedHashMap<>(settings == null ? Map.of() : settings);
    if (copy.containsKey(null) || copy.containsValue(null)) {
      throw new IllegalArgumentException("site " + name + ": a setting without a key or value");
    }
    // In the order given: a provider may read order into its settings (the first partition that
    // fits a job is chosen).
    settings = Collections.unmodifiableMap(copy);
  }
}
