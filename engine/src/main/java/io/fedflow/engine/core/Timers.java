package io.fedflow.engine.core;

import java.time.Instant;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * When instances waiting on a delay are due: retries in RETRY_WAIT and submissions deferred after a
 * transient failure. Few at any time, so a sorted set is enough.
 */
final class Timers {
  /** One instance's due time. */
  record Timer(Instant at, long key) implements Comparable<Timer> {
    @Override
    public int compareTo(Timer o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : Long.compare(key, o.key);
    }
  }

  private final TreeSet<Timer> set = new TreeSet<>();

  void add(Instant at, long key) {
    set.add(new Timer(at, key));
  }

  void remove(Instant at, long key) {
    set.remove(new Timer(at, key));
  }

  /** The timers due at {@code now}, earliest first. Not to be changed. */
  NavigableSet<Timer> dueBy(Instant now) {
    return set.headSet(new Timer(now, Long.MAX_VALUE), true);
  }

  Optional<Instant> first() {
    return set.isEmpty() ? Optional.empty() : Optional.of(set.first().at());
  }
}
