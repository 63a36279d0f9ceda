package io.fedflow.engine.connector.memory;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Instance ids chosen by glob patterns: {@code *} matches any text, {@code ?} one character, every
 * other character itself ({@code sim[0?]} matches {@code sim[03]}). Patterns are separated by
 * commas, so a comma inside an id is matched with {@code ?}.
 */
record InstancePatterns(List<Pattern> patterns) {
  static final InstancePatterns NONE = new InstancePatterns(List.of());

  /** The patterns of a setting's text, or null when one of them is empty. */
  static InstancePatterns parse(String text) {
    List<Pattern> out = new ArrayList<>();
    for (String glob : text.split(",", -1)) {
      String g = glob.strip();
      if (g.isEmpty()) {
        return null;
      }
      out.add(Pattern.compile(regex(g)));
    }
    return new InstancePatterns(List.copyOf(out));
  }

  private static String regex(String glob) {
    StringBuilder re = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (char c : glob.toCharArray()) {
      if (c == '*' || c == '?') {
        if (literal.length() > 0) {
          re.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        re.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      re.append(Pattern.quote(literal.toString()));
    }
    return re.toString();
  }

  boolean matches(String instanceId) {
    for (Pattern p : patterns) {
      if (p.matcher(instanceId).matches()) {
        return true;
      }
    }
    return false;
  }
}
