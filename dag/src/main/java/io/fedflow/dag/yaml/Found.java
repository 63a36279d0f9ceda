package io.fedflow.dag.yaml;

import java.util.Set;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** How a message names what it found: text in single quotes, structure in words. */
final class Found {
  private static final Set<String> NULLS = Set.of("", "~", "null", "Null", "NULL");
  private static final int LONGEST = 60;

  private Found() {}

  /** Whether {@code node} is YAML's null: an empty value, {@code ~} or {@code null} unquoted. */
  static boolean isNothing(Node node) {
    if (node instanceof ScalarNode s && s.isPlain()) {
      String v = s.getValue();
      return v.length() <= 4 && NULLS.contains(v);
    }
    return false;
  }

  static String describe(Node node) {
    if (isNothing(node)) {
      return "nothing";
    }
    if (node instanceof ScalarNode s) {
      return quote(s.getValue());
    }
    if (node instanceof SequenceNode s) {
      return s.getValue().isEmpty() ? "an empty list" : "a list";
    }
    if (node instanceof MappingNode m) {
      return m.getValue().isEmpty() ? "an empty map" : "a map";
    }
    return "something else";
  }

  /** Text on one line, in single quotes, shortened when long. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("'");
    int shown = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (shown++ == LONGEST) {
        out.append("...");
        break;
      }
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (Character.isISOControl(c)) {
            out.append(String.format("\\u%04X", c));
          } else {
            out.appendCodePoint(c);
          }
        }
      }
    }
    return out.append('\'').toString();
  }
}
