package io.fedflow.engine.store;

import io.fedflow.engine.RunUsage;
import java.time.Duration;

/**
 * Sums the energy and billing of a run's attempts from its journal: an attempt's figures are those
 * of the change that ends it (leaves the site's hands), which is once per attempt.
 */
final class UsageSum {
  private static final double NANOS_PER_HOUR = 3_600e9;

  private int measured;
  private long joules;
  private int billed;
  private double billingHours;

  void add(StoredChange c) {
    if (c.energyJoules() == null && c.billing() == null) {
      return;
    }
    if (!InstanceHistory.LIVE.contains(c.from()) || InstanceHistory.LIVE.contains(c.to())) {
      return;
    }
    if (c.energyJoules() != null) {
      measured++;
      joules += c.energyJoules();
    }
    if (c.billing() != null) {
      billed++;
      if (c.startedAt() != null && c.endedAt() != null) {
        long nanos = Duration.between(c.startedAt(), c.endedAt()).toNanos();
        billingHours += c.billing() * Math.max(0, nanos) / NANOS_PER_HOUR;
      }
    }
  }

  RunUsage total() {
    return measured == 0 && billed == 0
        ? RunUsage.NONE
        : new RunUsage(measured, joules, billed, billingHours);
  }
}
