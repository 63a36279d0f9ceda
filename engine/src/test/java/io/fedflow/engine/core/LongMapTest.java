package io.fedflow.engine.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The model's map of instances by key behaves as a HashMap does, through growth and removals. */
class LongMapTest {
  @Test
  void agreesWithAHashMapOverManyRandomPutsAndRemovals() {
    Random random = new Random(7);
    LongMap<String> map = new LongMap<>();
    Map<Long, String> expected = new HashMap<>();
    for (int n = 0; n < 200_000; n++) {
      // Keys as the model makes them: a job number in the high half, a dense index in the low.
      long key = ((long) random.nextInt(4) << 32) | random.nextInt(5_000);
      if (random.nextInt(3) == 0) {
        assertThat(map.remove(key)).isEqualTo(expected.remove(key));
      } else {
        String value = "v" + n;
        assertThat(map.put(key, value)).isEqualTo(expected.put(key, value));
      }
      if (n % 10_000 == 0) {
        assertThat(map.size()).isEqualTo(expected.size());
        expected.forEach((k, v) -> assertThat(map.get(k)).isEqualTo(v));
      }
    }
    Map<Long, String> seen = new HashMap<>();
    map.forEach(seen::put);
    assertThat(seen).isEqualTo(expected);
    assertThat(map.values()).containsExactlyInAnyOrderElementsOf(expected.values());
  }
}
