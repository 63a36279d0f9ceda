package io.fedflow.dag.yaml;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

/**
 * The entries of a YAML map being read, in the order written. Keys that are not text, duplicate
 * keys and (for a map with known fields) unknown fields are reported as the map is read, and left
 * out.
 */
final class Fields {
  private final Field map;
  private final Map<String, Field> entries = new LinkedHashMap<>();
  private final boolean empty;
  private final List<Field> duplicates = new ArrayList<>();

  /** {@code vocabulary} is null for a map whose keys are names chosen by the author. */
  Fields(Field map, MappingNode node, Vocabulary vocabulary, String keyExpected) {
    this.map = map;
    this.empty = node.getValue().isEmpty();
    Findings findings = map.findings();
    Map<String, Node> unknown = null;
    for (NodeTuple t : node.getValue()) {
      Node k = t.getKeyNode();
      if (!(k instanceof ScalarNode s) || Found.isNothing(k) || findings.isAlias(k)) {
        String at = map.path().isEmpty() ? Findings.FILE : map.path();
        new Field(findings, at, null, k).text(keyExpected);
        continue;
      }
      String name = s.getValue();
      Field earlier = entries.get(name);
      Node first = earlier != null ? earlier.key() : unknown == null ? null : unknown.get(name);
      Field entry = map.child(name, k, t.getValueNode());
      if (first != null) {
        int line = first.getStartMark().orElseThrow().getLine() + 1;
        findings.report(
            k.getStartMark().orElseThrow(),
            entry.path(),
            "a unique key",
            "a second " + Found.quote(name) + " (the first is at line " + line + ")");
        duplicates.add(entry);
      } else if (vocabulary != null && !vocabulary.has(name)) {
        findings.report(
            k.getStartMark().orElseThrow(),
            entry.path(),
            vocabulary.unknown(name),
            Found.quote(name));
        unknown = unknown == null ? new HashMap<>() : unknown;
        unknown.put(name, k);
      } else {
        entries.put(name, entry);
      }
    }
  }

  /** The map itself, as a field. */
  Field field() {
    return map;
  }

  /** The entry {@code name}, or null when it is not written. */
  Field get(String name) {
    return entries.get(name);
  }

  boolean has(String name) {
    return entries.containsKey(name);
  }

  Collection<Field> all() {
    return entries.values();
  }

  /** Whether the map was written with no entries at all ({@code {}}). */
  boolean isEmpty() {
    return empty;
  }

  /** How many good entries it has. */
  int size() {
    return entries.size();
  }

  /** The entries whose key was written before, reported and left out of {@link #all}. */
  List<Field> duplicates() {
    return duplicates;
  }

  /** Reads entry {@code name} when it is written and hands a good value to {@code into}. */
  <T> void read(String name, Function<Field, T> reader, Consumer<? super T> into) {
    T v = value(name, reader);
    if (v != null) {
      into.accept(v);
    }
  }

  /** Entry {@code name} read by {@code reader}; null when it is not written or is wrong. */
  <T> T value(String name, Function<Field, T> reader) {
    Field f = entries.get(name);
    return f == null ? null : reader.apply(f);
  }

  /** Entry {@code name} read by {@code reader}, {@code absent} when it is not written. */
  <T> T value(String name, Function<Field, T> reader, T absent) {
    Field f = entries.get(name);
    return f == null ? absent : reader.apply(f);
  }

  /** Entry {@code name}, which must be written; null (reported) when it is missing or wrong. */
  <T> T required(String name, String expected, Function<Field, T> reader) {
    Field f = entries.get(name);
    if (f == null) {
      map.missing(name, expected);
      return null;
    }
    return reader.apply(f);
  }
}
