package io.fedflow.dag;

import io.fedflow.dag.template.Placeholder;
import io.fedflow.dag.template.Template;
import io.fedflow.dag.template.TemplateNames;
import io.fedflow.dag.template.TemplateSyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Checks a {@code forEach} without expanding it: non-empty, unique items, records with the same
 * keys, matrix axes, and range bounds resolved against the parameters in force.
 */
final class FanOutCheck {
  private static final String PARAMS_DOT = "params.";
  private static final Pattern ITEM_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
  private final Map<String, String> params;
  private final TemplateNames paramNames;

  FanOutCheck(Map<String, String> params) {
    this.params = params;
    this.paramNames = TemplateNames.of(params.keySet()).paramsOnly();
  }

  void check(ForEach f, String path, List<Problem> out) {
    if (f instanceof ForEach.Values v) {
      checkValues(v.items(), path, out);
    } else if (f instanceof ForEach.Records r) {
      checkRecords(r.items(), path, out);
    } else if (f instanceof ForEach.Matrix m) {
      checkMatrix(m.axes(), path + ".matrix", out);
    } else if (f instanceof ForEach.Range r) {
      checkRange(r, path + ".range", out);
    }
  }

  private static void checkValues(List<String> items, String path, List<Problem> out) {
    if (items.isEmpty()) {
      out.add(new Problem(path, "at least one item", "none"));
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      if (!seen.add(items.get(i))) {
        out.add(
            new Problem(
                FieldPaths.index(path, i),
                "unique items",
                FieldPaths.quoted(items.get(i)) + " again"));
      }
    }
  }

  private static void checkRecords(
      List<Map<String, String>> items, String path, List<Problem> out) {
    if (items.isEmpty()) {
      out.add(new Problem(path, "at least one item", "none"));
      return;
    }
    Set<String> keys = items.get(0).keySet();
    for (String key : keys) {
      itemKey(key, FieldPaths.key(FieldPaths.index(path, 0), key), out);
    }
    Set<Map<String, String>> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      Map<String, String> r = items.get(i);
      String at = FieldPaths.index(path, i);
      if (r.isEmpty()) {
        out.add(new Problem(at, "a record with at least one key", "none"));
      } else if (i > 0 && !r.keySet().equals(keys)) {
        out.add(
            new Problem(
                at,
                "the keys of the first record (" + String.join(", ", keys) + ")",
                FieldPaths.quoted(String.join(", ", r.keySet()))));
      } else if (!seen.add(r)) {
        out.add(new Problem(at, "unique items", FieldPaths.quoted(flow(r)) + " again"));
      }
    }
  }

  /** A key must be usable as {@code {{item.KEY}}}. */
  private static void itemKey(String key, String path, List<Problem> out) {
    if (!ITEM_KEY.matcher(key).matches()) {
      out.add(
          new Problem(
              path,
              "an item key (a letter or '_', then letters, digits, '_' and '-')",
              FieldPaths.quoted(key)));
    }
  }

  private static String flow(Map<String, String> r) {
    return r.entrySet().stream()
        .map(e -> e.getKey() + ": " + e.getValue())
        .collect(Collectors.joining(", ", "{", "}"));
  }

  private static void checkMatrix(Map<String, List<String>> axes, String path, List<Problem> out) {
    if (axes.isEmpty()) {
      out.add(new Problem(path, "at least one axis", "none"));
      return;
    }
    long combinations = 1;
    for (Map.Entry<String, List<String>> axis : axes.entrySet()) {
      String at = FieldPaths.key(path, axis.getKey());
      itemKey(axis.getKey(), at, out);
      List<String> values = axis.getValue();
      if (values.isEmpty()) {
        out.add(new Problem(at, "at least one value", "none"));
      }
      Set<String> seen = new HashSet<>();
      for (int i = 0; i < values.size(); i++) {
        if (!seen.add(values.get(i))) {
          out.add(
              new Problem(
                  FieldPaths.index(at, i),
                  "unique values",
                  FieldPaths.quoted(values.get(i)) + " again"));
        }
      }
      combinations = multiplyOrMax(combinations, Math.max(1, values.size()));
    }
    if (combinations == Long.MAX_VALUE) {
      out.add(new Problem(path, "fewer than " + Long.MAX_VALUE + " combinations", "more"));
    }
  }

  private static long multiplyOrMax(long a, long b) {
    long product = a * b;
    long high = Math.multiplyHigh(a, b);
    return high != 0 || product < 0 ? Long.MAX_VALUE : product;
  }

  private void checkRange(ForEach.Range r, String path, List<Problem> out) {
    Long from = bound(r.from(), path + ".from", out);
    Long to = bound(r.to(), path + ".to", out);
    if (from != null && from < 0) {
      out.add(new Problem(path + ".from", "an integer of at least 0", FieldPaths.quoted(from)));
    }
    if (from != null && to != null && from >= 0 && to < from) {
      out.add(
          new Problem(
              path + ".to", "an integer of at least " + from + " (from)", FieldPaths.quoted(to)));
    }
    if (from != null && to != null && from == 0 && to == Long.MAX_VALUE) {
      out.add(
          new Problem(path + ".to", "an integer below " + Long.MAX_VALUE, FieldPaths.quoted(to)));
    }
  }

  /** The value of a range bound, or null when it has none (a problem is added to {@code out}). */
  Long bound(String text, String path, List<Problem> out) {
    if (!text.contains("{{")) {
      return integer(text, path, "an integer or {{params.NAME}}", out);
    }
    Template t;
    try {
      t = Template.parse(text);
    } catch (TemplateSyntaxException e) {
      out.add(new Problem(path, e.expected(), e.found()));
      return null;
    }
    List<Placeholder> names = t.placeholders();
    if (names.size() != 1 || !names.get(0).written().equals(text.strip())) {
      out.add(new Problem(path, "an integer or {{params.NAME}}", FieldPaths.quoted(text)));
      return null;
    }
    Placeholder p = names.get(0);
    if (!paramNames.contains(p.name())) {
      out.add(
          new Problem(
              path, "a known template name (" + paramNames + ")", FieldPaths.quoted(p.written())));
      return null;
    }
    String value = params.get(p.name().substring(PARAMS_DOT.length()));
    return integer(value, path, "an integer in " + p.name(), out);
  }

  /** The value of a range bound, or null when it is not valid. */
  Long bound(String text) {
    return bound(text, "", new ArrayList<>(0));
  }

  private static Long integer(String text, String path, String expected, List<Problem> out) {
    try {
      return Long.parseLong(text.strip());
    } catch (NumberFormatException e) {
      out.add(new Problem(path, expected, FieldPaths.quoted(text)));
      return null;
    }
  }

  /**
   * Whether two fan-outs have the same items, range bounds resolved; true when a bound cannot be
   * resolved, as that is reported on its own.
   */
  boolean sameItems(ForEach a, ForEach b) {
    if (a instanceof ForEach.Range ra && b instanceof ForEach.Range rb) {
      Long af = bound(ra.from());
      Long at = bound(ra.to());
      Long bf = bound(rb.from());
      Long bt = bound(rb.to());
      if (af == null || at == null || bf == null || bt == null) {
        return true;
      }
      return af.equals(bf) && at.equals(bt);
    }
    return a.equals(b);
  }

  /** The template names a job with fan-out {@code f} sees, given those of a job without one. */
  static TemplateNames names(ForEach f, TemplateNames base) {
    if (f == null) {
      return base;
    }
    if (f instanceof ForEach.Records r) {
      return base.withItemKeys(
          r.items().isEmpty() ? List.of() : List.copyOf(r.items().get(0).keySet()));
    }
    if (f instanceof ForEach.Matrix m) {
      return base.withItemKeys(List.copyOf(m.axes().keySet()));
    }
    return base.withItem();
  }
}
