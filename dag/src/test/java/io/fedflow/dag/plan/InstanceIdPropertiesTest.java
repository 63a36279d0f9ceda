package io.fedflow.dag.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.dag.ForEach;
import io.fedflow.dag.Workflow;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class InstanceIdPropertiesTest {

  /** Axis k has sizes[k] values named {@code k<k>v<i>}. */
  private static PlannedJob matrix(List<Integer> sizes) {
    Map<String, List<String>> axes = new LinkedHashMap<>();
    for (int k = 0; k < sizes.size(); k++) {
      int axis = k;
      axes.put(
          "k" + k, IntStream.range(0, sizes.get(k)).mapToObj(i -> "k" + axis + "v" + i).toList());
    }
    Workflow wf =
        Workflow.named("w")
            .job("m", j -> j.forEach(new ForEach.Matrix(axes)).command("x"))
            .buildUnchecked();
    return Plan.of(wf).job("m");
  }

  @Property(tries = 200)
  void everyIndexHasItsOwnIdAndDecomposesLastKeyFastest(
      @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 1, max = 6) Integer> sizes) {
    PlannedJob m = matrix(sizes);
    long size = sizes.stream().mapToLong(Integer::longValue).reduce(1, (a, b) -> a * b);

    assertThat(m.size()).isEqualTo(size);
    Set<String> ids = new HashSet<>();
    for (long i = 0; i < size; i++) {
      assertThat(ids.add(m.instanceId(i))).isTrue();
      Map<String, String> item = m.instance(i).item();
      long rest = i;
      for (int k = sizes.size() - 1; k >= 0; k--) {
        assertThat(item.get("k" + k)).isEqualTo("k" + k + "v" + (rest % sizes.get(k)));
        rest /= sizes.get(k);
      }
    }
  }

  @Property(tries = 100)
  void rangeIdsSortAsTheirIndices(
      @ForAll @IntRange(min = 0, max = 5000) int from,
      @ForAll @IntRange(min = 0, max = 50) int extra) {
    Workflow wf =
        Workflow.named("w")
            .job("r", j -> j.forEachInRange(from, from + extra).command("x"))
            .buildUnchecked();
    PlannedJob r = Plan.of(wf).job("r");

    List<String> ids = IntStream.range(0, extra + 1).mapToObj(r::instanceId).toList();
    assertThat(ids).isSorted().doesNotHaveDuplicates();
    assertThat(r.instance(extra).item()).containsEntry("item", Integer.toString(from + extra));
  }
}
