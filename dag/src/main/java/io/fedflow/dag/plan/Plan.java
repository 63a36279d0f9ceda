package io.fedflow.dag.plan;

import io.fedflow.dag.Workflow;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jgrapht.Graph;

/**
 * A workflow ready to run: parameters bound (defaults, then the run's overrides), defaults applied
 * to every job, every fan-out sized, the job graph checked for cycles. The graph has one vertex per
 * job as written, not per instance, so a fan-out of a million instances into one merge is two
 * vertices and one edge (like DAGMan's join nodes); instances are computed on demand.
 */
public final class Plan {

  /**
   * Plans {@code wf} with its parameter defaults.
   *
   * @throws io.fedflow.dag.InvalidWorkflowException with every problem found
   */
  public static Plan of(Workflow wf) {
    return of(wf, Map.of());
  }

  /**
   * Plans {@code wf} with some parameters overridden.
   *
   * @throws io.fedflow.dag.InvalidWorkflowException with every problem found (an override of an
   *     undeclared parameter included)
   */
  public static Plan of(Workflow wf, Map<String, String> overrides) {
    throw new UnsupportedOperationException("being written");
  }

  public Workflow workflow() {
    throw new UnsupportedOperationException("being written");
  }

  /** The parameters in force: defaults with the overrides applied. */
  public Map<String, String> params() {
    throw new UnsupportedOperationException("being written");
  }

  /** The jobs in a topological order (ties in written order); the final job, if any, last. */
  public List<PlannedJob> jobs() {
    throw new UnsupportedOperationException("being written");
  }

  public PlannedJob job(String id) {
    throw new UnsupportedOperationException("being written");
  }

  /** The job graph: an edge from each job to each job that needs it. */
  public Graph<PlannedJob, JobEdge> graph() {
    throw new UnsupportedOperationException("being written");
  }

  /** How many job instances the run has, fan-outs expanded. */
  public long instanceCount() {
    throw new UnsupportedOperationException("being written");
  }

  /** Every job instance, in {@link #jobs()} order, computed lazily one at a time. */
  public Stream<JobInstance> instances() {
    throw new UnsupportedOperationException("being written");
  }
}
