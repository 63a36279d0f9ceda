package io.fedflow.dag.plan;

import io.fedflow.dag.ForEach;
import io.fedflow.dag.template.Template;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job's fan-out, sized but never expanded: the n-th item and its label are computed from n (a
 * matrix by mixed-radix decomposition), so planning a million instances allocates nothing per
 * instance.
 */
sealed interface FanOut {
  /** No fan-out: one instance, whose id is the job's id. */
  FanOut NONE = new None();

  long size();

  /**
   * What goes between the brackets of an instance id: {@code 017}, {@code cern}, {@code lr=0.1}.
   */
  String label(long i);

  /** The value of {@code {{item}}}, or null. */
  String scalar(long i);

  /** The values of {@code {{item.KEY}}}, or empty. */
  Map<String, String> fields(long i);

  /** {@link JobInstance#item()}: {@code {"item": v}} or the fields. */
  default Map<String, String> item(long i) {
    String s = scalar(i);
    return s != null ? Map.of("item", s) : fields(i);
  }

  /** The fan-out of {@code f} (null for none), range bounds resolved with {@code params}. */
  static FanOut of(ForEach f, Map<String, String> params) {
    if (f == null) {
      return NONE;
    }
    if (f instanceof ForEach.Range r) {
      long from = bound(r.from(), params);
      long to = bound(r.to(), params);
      return new IntRange(from, to, Long.toString(to).length());
    }
    if (f instanceof ForEach.Values v) {
      boolean plain = v.items().stream().allMatch(FanOut::isPlain);
      return new ValueList(v.items(), plain, width(v.items().size()));
    }
    if (f instanceof ForEach.Records r) {
      List<String> keys = List.copyOf(r.items().get(0).keySet());
      boolean plain =
          keys.stream().allMatch(FanOut::isPlain)
              && r.items().stream().allMatch(m -> m.values().stream().allMatch(FanOut::isPlain));
      return new RecordList(r.items(), keys, plain, width(r.items().size()));
    }
    ForEach.Matrix m = (ForEach.Matrix) f;
    List<String> keys = List.copyOf(m.axes().keySet());
    List<List<String>> axes = List.copyOf(m.axes().values());
    long size = 1;
    boolean plain = keys.stream().allMatch(FanOut::isPlain);
    for (List<String> axis : axes) {
      size = Math.multiplyExact(size, axis.size());
      plain &= axis.stream().allMatch(FanOut::isPlain);
    }
    return new Grid(keys, axes, size, plain, width(size));
  }

  /** A bound is an integer or a single {@code {{params.NAME}}}; the validator has checked it. */
  private static long bound(String text, Map<String, String> params) {
    if (!text.contains("{{")) {
      return Long.parseLong(text.strip());
    }
    String name = Template.parse(text).placeholders().get(0).name();
    return Long.parseLong(params.get(name.substring("params.".length())).strip());
  }

  /** Whether {@code s} can stand in an instance id as it is: {@code [A-Za-z0-9._-]+}. */
  static boolean isPlain(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '_'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** The digits of the widest index of {@code size} items, for zero-padding. */
  private static int width(long size) {
    return Long.toString(Math.max(0, size - 1)).length();
  }

  static String padded(long n, int width) {
    String s = Long.toString(n);
    if (s.length() >= width) {
      return s;
    }
    StringBuilder out = new StringBuilder(width);
    for (int i = s.length(); i < width; i++) {
      out.append('0');
    }
    return out.append(s).toString();
  }

  /** No fan-out. */
  record None() implements FanOut {
    @Override
    public long size() {
      return 1;
    }

    @Override
    public String label(long i) {
      return null;
    }

    @Override
    public String scalar(long i) {
      return null;
    }

    @Override
    public Map<String, String> fields(long i) {
      return Map.of();
    }
  }

  /** The integers {@code from..to}, labelled zero-padded to the widest bound. */
  record IntRange(long from, long to, int width) implements FanOut {
    @Override
    public long size() {
      return to - from + 1;
    }

    @Override
    public String label(long i) {
      return padded(from + i, width);
    }

    @Override
    public String scalar(long i) {
      return Long.toString(from + i);
    }

    @Override
    public Map<String, String> fields(long i) {
      return Map.of();
    }
  }

  /** A list of values, labelled by value when every value is plain, else by padded index. */
  record ValueList(List<String> values, boolean plain, int width) implements FanOut {
    @Override
    public long size() {
      return values.size();
    }

    @Override
    public String label(long i) {
      return plain ? values.get((int) i) : padded(i, width);
    }

    @Override
    public String scalar(long i) {
      return values.get((int) i);
    }

    @Override
    public Map<String, String> fields(long i) {
      return Map.of();
    }
  }

  /** A list of records, labelled {@code k=v,k=v} in the first record's key order. */
  record RecordList(List<Map<String, String>> records, List<String> keys, boolean plain, int width)
      implements FanOut {
    @Override
    public long size() {
      return records.size();
    }

    @Override
    public String label(long i) {
      return plain ? pairs(keys, fields(i)) : padded(i, width);
    }

    @Override
    public String scalar(long i) {
      return null;
    }

    @Override
    public Map<String, String> fields(long i) {
      return records.get((int) i);
    }
  }

  /** Every combination of the axes, the last varying fastest. */
  record Grid(List<String> keys, List<List<String>> axes, long size, boolean plain, int width)
      implements FanOut {
    @Override
    public String label(long i) {
      return plain ? pairs(keys, fields(i)) : padded(i, width);
    }

    @Override
    public String scalar(long i) {
      return null;
    }

    /** Mixed-radix digits of {@code i}, the last axis the least significant. */
    @Override
    public Map<String, String> fields(long i) {
      String[] chosen = new String[axes.size()];
      long rest = i;
      for (int k = axes.size() - 1; k >= 0; k--) {
        List<String> axis = axes.get(k);
        chosen[k] = axis.get((int) (rest % axis.size()));
        rest /= axis.size();
      }
      Map<String, String> out = new LinkedHashMap<>();
      for (int k = 0; k < chosen.length; k++) {
        out.put(keys.get(k), chosen[k]);
      }
      return Collections.unmodifiableMap(out);
    }
  }

  private static String pairs(List<String> keys, Map<String, String> fields) {
    List<String> parts = new ArrayList<>(keys.size());
    for (String k : keys) {
      parts.add(k + "=" + fields.get(k));
    }
    return String.join(",", parts);
  }
}
