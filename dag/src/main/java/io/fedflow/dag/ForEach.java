package io.fedflow.dag;

import java.util.List;
import java.util.Map;

/**
 * How a job fans out: one job instance per item. Instances get stable ids: {@code simulate[017]}
 * for a range, {@code fetch[cern]} for a list of words, {@code train[lr=0.01,depth=4]} for a matrix
 * or a list of records. A fan-out is never materialised as one object per item: the plan computes
 * the n-th item on demand.
 */
public sealed interface ForEach {

  /** A list of scalar items: {@code forEach: [cern, cnaf, desy]}; {@code {{item}}} is the value. */
  record Values(List<String> items) implements ForEach {
    public Values {
      items = Copies.list(items);
    }
  }

  /**
   * A list of records: {@code forEach: [{ds: a, n: 1}, {ds: b, n: 2}]}; {@code {{item.ds}}} is a
   * field. Every record has the same keys.
   */
  record Records(List<Map<String, String>> items) implements ForEach {
    public Records {
      items = items == null ? List.of() : items.stream().map(Copies::map).toList();
    }
  }

  /**
   * The integers from {@code from} to {@code to}, both included: {@code forEach: {range: {from: 0,
   * to: 99}}}. Each bound is an integer or a parameter reference such as {@code {{params.shards}}},
   * resolved when the workflow is planned, so a run can override it.
   */
  record Range(String from, String to) implements ForEach {
    public Range {
      Copies.required(from, "a range start");
      Copies.required(to, "a range end");
    }

    public static Range of(long from, long to) {
      return new Range(Long.toString(from), Long.toString(to));
    }
  }

  /**
   * Every combination of several lists: {@code forEach: {matrix: {lr: [0.01, 0.1], depth: [4, 8]}}}
   * gives four items; {@code {{item.lr}}} is a field. The last key varies fastest.
   */
  record Matrix(Map<String, List<String>> axes) implements ForEach {
    public Matrix {
      java.util.LinkedHashMap<String, List<String>> copy = new java.util.LinkedHashMap<>();
      if (axes != null) {
        axes.forEach((k, v) -> copy.put(k, Copies.list(v)));
      }
      axes = Copies.map(copy);
    }
  }
}
