package io.fedflow.engine.run;

import io.fedflow.engine.connector.ConnectorException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The free slots of each site as the decider sees them: a site in this process is asked every
 * round, since a stale answer would send it jobs it must refuse; a remote one at each poll. A site
 * that cannot tell is left out, and so takes no job until it answers.
 */
final class Capacities {
  private static final Logger LOG = LogManager.getLogger(Capacities.class);

  private final Sites sites;
  private final Map<String, Integer> free = new HashMap<>();
  private final Set<String> failing = new HashSet<>();

  Capacities(Sites sites) {
    this.sites = sites;
  }

  /** The free slots for a round. */
  Map<String, Integer> freeSlots() {
    for (Site s : sites.all()) {
      if (s.inProcess() || (!free.containsKey(s.name()) && !failing.contains(s.name()))) {
        ask(s);
      }
    }
    return free;
  }

  /**
   * Takes one free slot of the site for a submission, as last asked; false when it has none or its
   * room is not known. A remote site's count goes down until the next poll asks it again.
   */
  boolean take(String site) {
    Integer n = free.get(site);
    if (n == null || n <= 0) {
      return false;
    }
    free.put(site, n - 1);
    return true;
  }

  /** Asks every site; returns whether one has more room than the last round saw. */
  boolean refreshAll() {
    boolean grew = false;
    for (Site s : sites.all()) {
      Integer before = free.get(s.name());
      ask(s);
      Integer after = free.get(s.name());
      grew |= after != null && (before == null || after > before);
    }
    return grew;
  }

  private void ask(Site s) {
    try {
      free.put(s.name(), s.capacity().freeSlots());
      if (failing.remove(s.name())) {
        LOG.info("site {} tells its capacity again", s.name());
      }
    } catch (ConnectorException e) {
      free.remove(s.name());
      if (failing.add(s.name())) {
        LOG.warn(
            "site {} cannot tell its capacity; no job goes there: {}", s.name(), e.getMessage());
      }
    }
  }
}
