package io.fedflow.engine.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A map from {@code long} keys to values that are never null, by open addressing: the decider looks
 * instances up by their key (and attempts by their token's number) several times per change, and a
 * {@code HashMap<Long, V>} boxes every key and allocates an entry per mapping.
 */
final class LongMap<V> {
  private long[] keys;
  private Object[] values;
  private int size;

  LongMap() {
    keys = new long[16];
    values = new Object[16];
  }

  int size() {
    return size;
  }

  @SuppressWarnings("unchecked")
  V get(long key) {
    int mask = keys.length - 1;
    for (int k = slot(key, mask); values[k] != null; k = (k + 1) & mask) {
      if (keys[k] == key) {
        return (V) values[k];
      }
    }
    return null;
  }

  boolean containsKey(long key) {
    return get(key) != null;
  }

  /** Maps {@code key} to {@code value}, returning the value it replaced, or null. */
  @SuppressWarnings("unchecked")
  V put(long key, V value) {
    if (value == null) {
      throw new NullPointerException("a value of a LongMap is never null");
    }
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    int k = slot(key, mask);
    for (; values[k] != null; k = (k + 1) & mask) {
      if (keys[k] == key) {
        V old = (V) values[k];
        values[k] = value;
        return old;
      }
    }
    keys[k] = key;
    values[k] = value;
    size++;
    return null;
  }

  /** Removes the key's mapping, returning its value, or null when there was none. */
  @SuppressWarnings("unchecked")
  V remove(long key) {
    int mask = keys.length - 1;
    int k = slot(key, mask);
    while (values[k] != null && keys[k] != key) {
      k = (k + 1) & mask;
    }
    if (values[k] == null) {
      return null;
    }
    V old = (V) values[k];
    // Shift back the entries after the hole that would otherwise no longer be found.
    int hole = k;
    for (int n = (hole + 1) & mask; values[n] != null; n = (n + 1) & mask) {
      int home = slot(keys[n], mask);
      if (((n - home) & mask) >= ((n - hole) & mask)) {
        keys[hole] = keys[n];
        values[hole] = values[n];
        hole = n;
      }
    }
    values[hole] = null;
    size--;
    return old;
  }

  /** The values, in no particular order. */
  @SuppressWarnings("unchecked")
  List<V> values() {
    List<V> out = new ArrayList<>(size);
    for (Object v : values) {
      if (v != null) {
        out.add((V) v);
      }
    }
    return out;
  }

  interface Entry<V> {
    void accept(long key, V value);
  }

  @SuppressWarnings("unchecked")
  void forEach(Entry<V> action) {
    for (int k = 0; k < keys.length; k++) {
      if (values[k] != null) {
        action.accept(keys[k], (V) values[k]);
      }
    }
  }

  private void grow() {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new Object[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int k = 0; k < oldKeys.length; k++) {
      if (oldValues[k] != null) {
        int n = slot(oldKeys[k], mask);
        while (values[n] != null) {
          n = (n + 1) & mask;
        }
        keys[n] = oldKeys[k];
        values[n] = oldValues[k];
      }
    }
  }

  /** Fibonacci hashing: consecutive keys spread over the table. */
  private static int slot(long key, int mask) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
  }
}
