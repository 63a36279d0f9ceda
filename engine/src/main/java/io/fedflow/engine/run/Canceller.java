package io.fedflow.engine.run;

import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.SiteJob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Cancels jobs at their sites, one call per site; a call that fails is made again at the next poll,
 * as the jobs stay at the site until it says they ended.
 */
final class Canceller {
  private static final Logger LOG = LogManager.getLogger(Canceller.class);

  private final Sites sites;
  private final Map<String, List<SiteJob>> pending = new LinkedHashMap<>();

  Canceller(Sites sites) {
    this.sites = sites;
  }

  void cancel(List<SiteJob> jobs) {
    for (SiteJob job : jobs) {
      pending.computeIfAbsent(job.site(), s -> new ArrayList<>()).add(job);
    }
    retry();
  }

  /** Makes the calls not made yet. */
  void retry() {
    pending
        .entrySet()
        .removeIf(
            e -> {
              try {
                sites.get(e.getKey()).cancel(e.getValue());
                LOG.info("asked {} to cancel {} jobs", e.getKey(), e.getValue().size());
                return true;
              } catch (ConnectorException x) {
                LOG.warn(
                    "site {} did not take the cancel of {} jobs, trying again: {}",
                    e.getKey(),
                    e.getValue().size(),
                    x.getMessage());
                return false;
              }
            });
  }
}
