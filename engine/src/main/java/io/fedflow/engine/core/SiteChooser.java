package io.fedflow.engine.core;

import io.fedflow.dag.plan.PlannedJob;

/**
 * Which site a job's instances go to. Placement proper comes later; for now the engine has one
 * site.
 */
@FunctionalInterface
public interface SiteChooser {
  String siteFor(PlannedJob job);

  /** Every job on {@code site}. */
  static SiteChooser only(String site) {
    return job -> site;
  }
}
