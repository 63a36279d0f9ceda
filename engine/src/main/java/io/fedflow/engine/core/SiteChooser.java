package io.fedflow.engine.core;

import io.fedflow.dag.Placement;
import io.fedflow.dag.plan.PlannedJob;
import java.util.List;

/**
 * Which site a job's instances go to. Placement proper (by energy, cost, time) comes later; for now
 * a job goes to the first site its {@code placement.sites} names, or to the first site configured.
 */
@FunctionalInterface
public interface SiteChooser {
  /** The site, or null when the job may go to none of the configured sites. */
  String siteFor(PlannedJob job);

  /** Every job on {@code site}. */
  static SiteChooser only(String site) {
    return job -> site;
  }

  /**
   * The first site of the job's {@code placement.sites} that is configured and not excluded; for a
   * job that names none, the first configured site it does not exclude.
   */
  static SiteChooser firstAllowed(List<String> configured) {
    List<String> sites = List.copyOf(configured);
    return job -> {
      Placement p = job.spec().placement();
      List<String> wanted = p.sites().isEmpty() ? sites : p.sites();
      for (String s : wanted) {
        if (sites.contains(s) && !p.excludeSites().contains(s)) {
          return s;
        }
      }
      return null;
    };
  }
}
