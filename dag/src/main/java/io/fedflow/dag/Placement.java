package io.fedflow.dag;

import java.util.List;

/**
 * Hints for where a job runs. Empty lists mean "no constraint"; null objective or deadline mean
 * unset (the workflow default applies, then the engine's).
 *
 * @param sites the only sites the job may run on (empty: any)
 * @param excludeSites sites the job must never run on
 * @param objective what to optimise for
 * @param deadline when the job should be done by
 */
public record Placement(
    List<String> sites, List<String> excludeSites, Objective objective, Deadline deadline) {

  public static final Placement NONE = new Placement(List.of(), List.of(), null, null);

  public Placement {
    sites = Copies.list(sites);
    excludeSites = Copies.list(excludeSites);
  }

  /** This placement with every unset part taken from {@code fallback}. */
  public Placement orElse(Placement fallback) {
    if (fallback == null) {
      return this;
    }
    return new Placement(
        sites.isEmpty() ? fallback.sites : sites,
        excludeSites.isEmpty() ? fallback.excludeSites : excludeSites,
        objective != null ? objective : fallback.objective,
        deadline != null ? deadline : fallback.deadline);
  }

  public boolean isEmpty() {
    return equals(NONE);
  }
}
