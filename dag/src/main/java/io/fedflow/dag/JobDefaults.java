package io.fedflow.dag;

import java.util.Map;

/**
 * Settings that apply to every job of a workflow unless the job sets its own. Labels and
 * environment are merged key by key (the job wins); resources and placement field by field; the
 * retry policy as a whole.
 */
public record JobDefaults(
    Map<String, String> labels,
    Map<String, String> env,
    String workdir,
    ContainerImage container,
    Resources resources,
    RetryPolicy retry,
    Integer priority,
    String category,
    Placement placement) {

  public static final JobDefaults NONE =
      new JobDefaults(
          Map.of(), Map.of(), null, null, Resources.NONE, null, null, null, Placement.NONE);

  public JobDefaults {
    labels = Copies.map(labels);
    env = Copies.map(env);
    resources = resources == null ? Resources.NONE : resources;
    placement = placement == null ? Placement.NONE : placement;
  }

  /**
   * The settings of {@code spec} that a default can carry (what it runs, forEach and needs not).
   */
  public static JobDefaults from(JobSpec spec) {
    return new JobDefaults(
        spec.labels(),
        spec.env(),
        spec.workdir(),
        spec.container(),
        spec.resources(),
        spec.retry(),
        spec.priority(),
        spec.category(),
        spec.placement());
  }

  public boolean isEmpty() {
    return equals(NONE);
  }
}
