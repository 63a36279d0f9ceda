package io.fedflow.dag;

import java.util.Map;

/**
 * Throttles for a whole workflow, like DAGMan's {@code -maxjobs} and {@code CATEGORY}/{@code
 * MAXJOBS}.
 *
 * @param maxInFlight the most jobs submitted and not yet finished at once, or null for no limit
 * @param categories the most jobs in flight per job category
 */
public record Limits(Integer maxInFlight, Map<String, Integer> categories) {
  public static final Limits NONE = new Limits(null, Map.of());

  public Limits {
    categories = Copies.map(categories);
  }

  public boolean isEmpty() {
    return equals(NONE);
  }
}
