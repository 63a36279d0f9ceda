package io.fedflow.dag.yaml;

import io.fedflow.dag.Durations;
import io.fedflow.dag.Size;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * One value of a workflow file at its field path ({@code jobs.train.resources.memory}), read as the
 * type its field expects. A read that fails reports why and returns null, so the walk goes on and
 * every problem of the file is found.
 */
final class Field {
  private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
  private static final Pattern DECIMAL = Pattern.compile("\\d{1,15}(\\.\\d{1,15})?");

  private final Findings findings;
  private final String path;
  private final Node key;
  private final Node value;

  /** {@code key} is null for the root and for list items. */
  Field(Findings findings, String path, Node key, Node value) {
    this.findings = findings;
    this.path = path;
    this.key = key;
    this.value = value;
  }

  String path() {
    return path;
  }

  Findings findings() {
    return findings;
  }

  Field child(String name, Node keyNode, Node valueNode) {
    return new Field(findings, path.isEmpty() ? name : path + "." + name, keyNode, valueNode);
  }

  Field item(int index, Node valueNode) {
    return new Field(findings, path + "[" + index + "]", null, valueNode);
  }

  /** Where problems with this value are shown. */
  Mark where() {
    return Locations.where(key, value);
  }

  boolean isMap() {
    return value instanceof MappingNode;
  }

  boolean isList() {
    return value instanceof SequenceNode;
  }

  /** A scalar that is neither nothing nor an alias. */
  boolean isText() {
    return value instanceof ScalarNode && !Found.isNothing(value) && !findings.isAlias(value);
  }

  void wrong(String expected) {
    findings.report(where(), path, expected, Found.describe(value));
  }

  void report(String expected, String found) {
    findings.report(where(), path, expected, found);
  }

  /** Reports a missing required field {@code name} of this map. */
  void missing(String name, String expected) {
    findings.report(where(), path.isEmpty() ? name : path + "." + name, expected, "nothing");
  }

  /** False, after reporting, for an alias or nothing: neither is a value. */
  private boolean present(String expected) {
    if (findings.isAlias(value)) {
      String alias = ((ScalarNode) value).getValue();
      report(
          "a value written out (YAML aliases are not supported)",
          "the alias " + Found.quote(alias));
      return false;
    }
    if (Found.isNothing(value)) {
      wrong(expected);
      return false;
    }
    return true;
  }

  String text(String expected) {
    if (!present(expected)) {
      return null;
    }
    if (value instanceof ScalarNode s) {
      return s.getValue();
    }
    wrong(expected);
    return null;
  }

  /** A plain decimal integer of at least {@code min}. */
  Integer integer(String expected, long min) {
    String t = text(expected);
    if (t == null) {
      return null;
    }
    if (INTEGER.matcher(t).matches()) {
      long n = Long.parseLong(t);
      if (n >= min && n <= Integer.MAX_VALUE) {
        return (int) n;
      }
    }
    wrong(expected);
    return null;
  }

  /** A decimal number of at least {@code min}, such as {@code 0.5}. */
  Double number(String expected, double min) {
    String t = text(expected);
    if (t == null) {
      return null;
    }
    if (DECIMAL.matcher(t).matches() && Double.parseDouble(t) >= min) {
      return Double.parseDouble(t);
    }
    wrong(expected);
    return null;
  }

  Size size() {
    String t = text("a size like 8GiB or 500MiB");
    return t == null ? null : parsed(() -> Size.parse(t));
  }

  Duration duration() {
    String t = text("a duration like 2h30m, 90s or 1d");
    return t == null ? null : parsed(() -> Durations.parse(t));
  }

  /**
   * {@code make}'s result, or null after reporting: the model's own checks throw
   * IllegalArgumentException naming what they expected.
   */
  <T> T parsed(Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      wrong(e.getMessage());
      return null;
    }
  }

  /** The items of a list, each a field {@code path[i]}; null (reported) for anything else. */
  List<Field> items(String expected) {
    if (!present(expected)) {
      return null;
    }
    if (!(value instanceof SequenceNode s)) {
      wrong(expected);
      return null;
    }
    List<Node> nodes = s.getValue();
    List<Field> out = new ArrayList<>(nodes.size());
    for (int i = 0; i < nodes.size(); i++) {
      out.add(item(i, nodes.get(i)));
    }
    return out;
  }

  /** A list of scalars; null (reported) when the list or any item is wrong. */
  List<String> texts(String expected, String itemExpected) {
    List<Field> items = items(expected);
    if (items == null) {
      return null;
    }
    List<String> out = new ArrayList<>(items.size());
    boolean ok = true;
    for (Field f : items) {
      String t = f.text(itemExpected);
      ok &= t != null;
      out.add(t);
    }
    return ok ? out : null;
  }

  /** A map with the fields of {@code vocabulary}; others are reported as unknown. */
  Fields fields(Vocabulary vocabulary) {
    return map(vocabulary.expected(), vocabulary);
  }

  /** A map whose keys are names chosen by the author (job ids, labels, parameters). */
  Fields entries(String expected, String keyExpected) {
    return map(expected, null, keyExpected);
  }

  private Fields map(String expected, Vocabulary vocabulary) {
    return map(expected, vocabulary, "a field name");
  }

  private Fields map(String expected, Vocabulary vocabulary, String keyExpected) {
    if (!present(expected)) {
      return null;
    }
    if (!(value instanceof MappingNode m)) {
      wrong(expected);
      return null;
    }
    return new Fields(this, m, vocabulary, keyExpected);
  }

  /** A map of scalars, such as labels or env; null (reported) when it or any value is wrong. */
  Map<String, String> textMap(String expected, String keyExpected, String valueExpected) {
    Fields f = entries(expected, keyExpected);
    if (f == null) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    boolean ok = true;
    for (Field e : f.all()) {
      String t = e.text(valueExpected);
      ok &= t != null;
      out.put(e.name(), t);
    }
    return ok ? out : null;
  }

  /** The key node this field is written under; null for the root and list items. */
  Node key() {
    return key;
  }

  /** The key this field is written under, as text; empty for the root and list items. */
  String name() {
    return key instanceof ScalarNode s ? s.getValue() : "";
  }
}
