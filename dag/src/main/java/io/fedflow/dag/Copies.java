package io.fedflow.dag;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Immutable copies that keep the order a user wrote things in (Map.copyOf does not). */
final class Copies {
  private Copies() {}

  static <K, V> Map<K, V> map(Map<K, V> m) {
    if (m == null || m.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(m));
  }

  static <T> List<T> list(List<T> l) {
    return l == null ? List.of() : List.copyOf(l);
  }

  static <T> T required(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " is required");
    }
    return value;
  }
}
