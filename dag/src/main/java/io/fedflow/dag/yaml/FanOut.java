package io.fedflow.dag.yaml;

import io.fedflow.dag.Dependency;
import io.fedflow.dag.ForEach;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a job's {@code forEach} (its fan-out) and {@code needs} (its dependencies). */
final class FanOut {
  static final String NEED = "a job id or job[item]";
  static final String BOUND = "an integer or a parameter like {{params.NAME}}";
  private static final String VALUE = "a single value like 7 or cnaf";
  private static final String RECORD = "a record like {ds: a, n: 1}";
  private static final Pattern NEEDS = Pattern.compile("([^\\[\\]]+)(\\[item\\])?");
  private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

  private FanOut() {}

  static ForEach forEach(Field x) {
    if (x.isList()) {
      return items(x);
    }
    if (!x.isMap()) {
      x.items(Vocabulary.FAN_OUT.expected());
      return null;
    }
    Fields f = x.fields(Vocabulary.FAN_OUT);
    if (f.size() > 1) {
      x.report("just one of range or matrix", "both");
      return null;
    }
    if (f.size() == 0) {
      if (f.isEmpty()) {
        x.wrong(Vocabulary.FAN_OUT.expected());
      }
      return null;
    }
    return f.has("range") ? f.value("range", FanOut::range) : f.value("matrix", FanOut::matrix);
  }

  /** A list of values, or of records: its first item decides which. */
  private static ForEach items(Field x) {
    List<Field> items = x.items(Vocabulary.FAN_OUT.expected());
    boolean records = !items.isEmpty() && items.get(0).isMap();
    List<String> values = new ArrayList<>();
    List<Map<String, String>> maps = new ArrayList<>();
    boolean ok = true;
    for (Field item : items) {
      if (records) {
        Map<String, String> m = item.textMap(RECORD, "a field name", VALUE);
        ok &= m != null;
        maps.add(m);
      } else {
        String v = item.text(VALUE);
        ok &= v != null;
        values.add(v);
      }
    }
    if (!ok) {
      return null;
    }
    return records ? new ForEach.Records(maps) : new ForEach.Values(values);
  }

  private static ForEach range(Field x) {
    Fields f = x.fields(Vocabulary.RANGE);
    if (f == null) {
      return null;
    }
    String from = f.required("from", BOUND, FanOut::bound);
    String to = f.required("to", BOUND, FanOut::bound);
    return from == null || to == null ? null : new ForEach.Range(from, to);
  }

  private static String bound(Field x) {
    String t = x.text(BOUND);
    if (t == null) {
      return null;
    }
    String s = t.strip();
    if (INTEGER.matcher(t).matches() || (s.startsWith("{{") && s.endsWith("}}"))) {
      return t;
    }
    x.wrong(BOUND);
    return null;
  }

  private static ForEach matrix(Field x) {
    Fields f = x.entries("a map from name to a list of values like {lr: [0.01, 0.1]}", "a name");
    if (f == null) {
      return null;
    }
    Map<String, List<String>> axes = new LinkedHashMap<>();
    boolean ok = true;
    for (Field axis : f.all()) {
      List<String> values = axis.texts("a list of values like [0.01, 0.1]", VALUE);
      ok &= values != null;
      axes.put(axis.name(), values);
    }
    return ok ? new ForEach.Matrix(axes) : null;
  }

  /** One job id or a list of them; {@code job[item]} pairs item by item. */
  static List<Dependency> needs(Field x) {
    if (x.isText()) {
      Dependency d = need(x);
      return d == null ? null : List.of(d);
    }
    List<Field> items = x.items("a job id or a list of them");
    if (items == null) {
      return null;
    }
    List<Dependency> out = new ArrayList<>();
    boolean ok = true;
    for (Field item : items) {
      Dependency d = need(item);
      ok &= d != null;
      out.add(d);
    }
    return ok ? out : null;
  }

  private static Dependency need(Field x) {
    String t = x.text(NEED);
    if (t == null) {
      return null;
    }
    Matcher m = NEEDS.matcher(t);
    if (!m.matches()) {
      x.wrong(NEED);
      return null;
    }
    return m.group(2) == null ? Dependency.on(m.group(1)) : Dependency.itemwise(m.group(1));
  }
}
