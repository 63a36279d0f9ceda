package io.fedflow.dag;

/** What placement optimises for a job, among the sites it may run on. */
public enum Objective {
  /** Least estimated energy per task (J/task). */
  ENERGY,
  /** Least estimated cost per task (€/task). */
  COST,
  /** Earliest estimated completion. */
  TIME;

  /** The word used in YAML: {@code energy}, {@code cost}, {@code time}. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
