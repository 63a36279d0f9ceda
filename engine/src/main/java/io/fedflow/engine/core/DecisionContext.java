package io.fedflow.engine.core;

import io.fedflow.dag.Limits;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a decision needs besides the run and the events: the time (injected, never read from the
 * system clock), the room at each site, where to place jobs, and the workflow's throttles.
 *
 * @param freeSlots how many more jobs each site can take now; a site missing here takes none this
 *     round (its room is not known)
 * @param limits the workflow's {@code limits}: most jobs in flight in all and per category
 */
public record DecisionContext(
    Instant now, Map<String, Integer> freeSlots, SiteChooser sites, Limits limits) {

  public DecisionContext {
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(sites, "sites");
    freeSlots = Map.copyOf(freeSlots);
    limits = limits == null ? Limits.NONE : limits;
  }
}
