package io.fedflow.dag.yaml;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** How a message names what it found: text in single quotes, structure in words. */
final class Found {
  private static final int LONGEST = 60;

  private Found() {}

  /** Whether {@code node} is YAML's null: an empty value, {@code ~} or {@code null} unquoted. */
  static boolean isNothing(Node node) {
    if (!(node instanceof ScalarNode s) || !s.isPlain()) {
      return false;
    }
    String v = s.getValue();
    return switch (v.length()) {
      case 0 -> true;
      case 1 -> v.equals("~");
      case 4 -> v.equals("null") || v.equals("Null") || v.equals("NULL");
      default -> false;
    };
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
    return "'" + oneLine(text, LONGEST) + "'";
  }

  /** Text with its line breaks and other control characters escaped, as {@code \\n}. */
  static String oneLine(String text) {
    return oneLine(text, Integer.MAX_VALUE);
  }

  private static String oneLine(String text, int longest) {
    StringBuilder out = new StringBuilder();
    int shown = 0;
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (shown++ == longest) {
        return out.append("...").toString();
      }
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029 || c == 0x85) {
            out.append(String.format("\\u%04X", c));
          } else {
            out.appendCodePoint(c);
          }
        }
      }
    }
    return out.toString();
  }
}
