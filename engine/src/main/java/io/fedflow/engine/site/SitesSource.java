package io.fedflow.engine.site;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A sites file as a run records it: its name, its text as written, and the values of the {@code
 * ${env:NAME}} variables it used when it was read, so that a resumed run reopens the same sites in
 * any environment. It holds no secret: tokens are references, read when used.
 *
 * @param file the file's name as given, for messages
 * @param text the file's text
 * @param env the value of each variable the text names, by name
 */
public record SitesSource(String file, String text, Map<String, String> env) {
  public SitesSource {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(text, "text");
    env = env == null ? Map.of() : Map.copyOf(new TreeMap<>(env));
  }
}
