package io.fedflow.dag.plan;

import io.fedflow.dag.JobSpec;
import io.fedflow.dag.template.TemplateContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * One job of a plan: its spec with the workflow defaults applied, and its fan-out sized. A job
 * without {@code forEach} has one instance, whose id is the job's id. A job that pairs item by item
 * with another ({@code needs: simulate[item]}) and has no forEach of its own has the other job's.
 *
 * <p>Instances are computed on demand from their index; nothing is stored per instance.
 */
public final class PlannedJob {
  private final JobSpec spec;
  private final boolean isFinal;
  private final FanOut fanOut;
  private final List<Upstream> upstream;
  private final Map<String, String> params;
  private final String workflowName;
  private final SpecRenderer renderer;

  /** A job this one needs, already planned (jobs are planned upstream first). */
  record Upstream(PlannedJob job, boolean itemwise) {}

  PlannedJob(
      JobSpec spec,
      boolean isFinal,
      FanOut fanOut,
      List<Upstream> upstream,
      Map<String, String> params,
      String workflowName) {
    this.spec = spec;
    this.isFinal = isFinal;
    this.fanOut = fanOut;
    this.upstream = List.copyOf(upstream);
    this.params = params;
    this.workflowName = workflowName;
    this.renderer = new SpecRenderer(spec);
  }

  public String id() {
    return spec.id();
  }

  /**
   * The spec with defaults applied, templates not yet rendered; its forEach is the one the job fans
   * out over, taken from the job it pairs with when it has none of its own.
   */
  public JobSpec spec() {
    return spec;
  }

  public boolean isFinal() {
    return isFinal;
  }

  /** Whether the job has a forEach (its own or taken from the job it pairs with). */
  public boolean fansOut() {
    return fanOut != FanOut.NONE;
  }

  /** How many instances (1 without forEach). */
  public long size() {
    return fanOut.size();
  }

  /** The id of the instance at {@code index}: {@code simulate[017]}, or the job id. */
  public String instanceId(long index) {
    Objects.checkIndex(index, size());
    String label = fanOut.label(index);
    return label == null ? id() : id() + "[" + label + "]";
  }

  /** The item of the instance at {@code index}, as {@link JobInstance#item()}. */
  public Map<String, String> item(long index) {
    Objects.checkIndex(index, size());
    return fanOut.item(index);
  }

  /** The instance at {@code index} (0-based), its templates rendered. */
  public JobInstance instance(long index) {
    String instanceId = instanceId(index);
    TemplateContext c =
        new TemplateContext(
            params,
            fanOut.scalar(index),
            fanOut.fields(index),
            instanceId,
            id(),
            index,
            workflowName);
    return new JobInstance(instanceId, id(), index, fanOut.item(index), renderer.render(c));
  }

  /** Every instance, in index order, computed one at a time. */
  public Stream<JobInstance> instances() {
    return LongStream.range(0, size()).mapToObj(this::instance);
  }

  /** The jobs this one needs, in the order its needs are written. */
  public List<PlannedJob> upstream() {
    List<PlannedJob> out = new ArrayList<>(upstream.size());
    upstream.forEach(u -> out.add(u.job()));
    return out;
  }

  /**
   * What the instance at {@code index} waits for, one entry per job needed: all of its instances (a
   * fan-in), or, item-wise, the instance with the same index.
   */
  public List<Awaited> awaited(long index) {
    Objects.checkIndex(index, size());
    List<Awaited> out = new ArrayList<>(upstream.size());
    for (Upstream u : upstream) {
      out.add(u.itemwise() ? new Awaited.SameItem(u.job(), index) : new Awaited.AllOf(u.job()));
    }
    return out;
  }

  /** The jobs this one needs and how, for {@link Plan}'s graph. */
  List<Upstream> links() {
    return upstream;
  }

  /** The job's id. */
  @Override
  public String toString() {
    return id();
  }
}
