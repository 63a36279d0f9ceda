package io.fedflow.dag;

/** Field paths as problems name them: {@code jobs.train.env.SEED}, {@code jobs.merge.needs[1]}. */
final class FieldPaths {
  private FieldPaths() {}

  static String index(String base, long i) {
    return base + "[" + i + "]";
  }

  /**
   * The path of a map key; the map's own path when the key would make the path ambiguous (blank, or
   * containing a dot or bracket), so that the YAML reader can still locate it.
   */
  static String key(String base, String key) {
    if (key.isBlank() || key.indexOf('.') >= 0 || key.indexOf('[') >= 0) {
      return base;
    }
    return base + "." + key;
  }

  static String quoted(Object value) {
    return "'" + value + "'";
  }
}
