package io.fedflow.dag.plan;

import io.fedflow.dag.Dependency;
import io.fedflow.dag.ForEach;
import io.fedflow.dag.InvalidWorkflowException;
import io.fedflow.dag.JobSpec;
import io.fedflow.dag.Problem;
import io.fedflow.dag.Workflow;
import io.fedflow.dag.WorkflowValidator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.stream.Stream;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultGraphSpecificsStrategy;
import org.jgrapht.graph.DirectedAcyclicGraph;

/**
 * A workflow ready to run: parameters bound (defaults, then the run's overrides), defaults applied
 * to every job, every fan-out sized, the job graph checked for cycles. The graph has one vertex per
 * job as written, not per instance, so a fan-out of a million instances into one merge is two
 * vertices and one edge (like DAGMan's join nodes); instances are computed on demand.
 *
 * <p>The final job is a vertex without edges, last in {@link #jobs()}: the engine starts it once
 * every other job has finished, successfully or not (DAGMan's FINAL node).
 */
public final class Plan {
  private final Workflow workflow;
  private final Map<String, String> params;
  private final List<PlannedJob> jobs;
  private final Map<String, PlannedJob> byId;
  private final Graph<PlannedJob, JobEdge> graph;
  private final long instanceCount;

  private Plan(Workflow wf, Map<String, String> overrides) {
    workflow = wf;
    Map<String, String> p = new LinkedHashMap<>(wf.params());
    p.putAll(overrides);
    params = Collections.unmodifiableMap(p);
    byId = new HashMap<>(wf.jobs().size() * 2);
    List<PlannedJob> ordered = new ArrayList<>(wf.jobs().size() + 1);
    // Jobs paired item by item share their upstream's forEach: size it once.
    Map<ForEach, FanOut> fanOuts = new IdentityHashMap<>();
    for (int i : topologicalOrder(wf.jobs())) {
      PlannedJob job = planned(wf.jobs().get(i), wf, false, fanOuts);
      byId.put(job.id(), job);
      ordered.add(job);
    }
    if (wf.finalJob() != null) {
      PlannedJob last = planned(wf.finalJob(), wf, true, fanOuts);
      byId.put(last.id(), last);
      ordered.add(last);
    }
    jobs = Collections.unmodifiableList(ordered);
    graph = new AsUnmodifiableGraph<>(graphOf(jobs));
    instanceCount = count(jobs);
  }

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
    List<Problem> problems = WorkflowValidator.problems(wf, overrides);
    if (!problems.isEmpty()) {
      throw new InvalidWorkflowException(problems);
    }
    return new Plan(wf, overrides);
  }

  /**
   * Positions of the jobs, each after every job it needs, ties in written order: Kahn's algorithm
   * with a priority queue. Written on arrays, not with a JGraphT iterator, because planning a job
   * needs its upstream jobs planned, so this order comes before the graph of planned jobs; and a
   * throwaway JGraphT graph of 100,000 jobs costs more than the whole rest of planning.
   */
  private static List<Integer> topologicalOrder(List<JobSpec> specs) {
    int n = specs.size();
    Map<String, Integer> positions = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      positions.put(specs.get(i).id(), i);
    }
    int[] waitingFor = new int[n];
    int[] downstreamCount = new int[n];
    for (int i = 0; i < n; i++) {
      waitingFor[i] = specs.get(i).needs().size();
      for (Dependency d : specs.get(i).needs()) {
        downstreamCount[positions.get(d.job())]++;
      }
    }
    int[][] downstream = new int[n][];
    for (int i = 0; i < n; i++) {
      downstream[i] = new int[downstreamCount[i]];
      downstreamCount[i] = 0;
    }
    for (int i = 0; i < n; i++) {
      for (Dependency d : specs.get(i).needs()) {
        int up = positions.get(d.job());
        downstream[up][downstreamCount[up]++] = i;
      }
    }
    PriorityQueue<Integer> ready = new PriorityQueue<>();
    for (int i = 0; i < n; i++) {
      if (waitingFor[i] == 0) {
        ready.add(i);
      }
    }
    List<Integer> order = new ArrayList<>(n);
    while (!ready.isEmpty()) {
      int v = ready.poll();
      order.add(v);
      for (int d : downstream[v]) {
        if (--waitingFor[d] == 0) {
          ready.add(d);
        }
      }
    }
    return order;
  }

  /** A job with defaults applied, its upstream jobs (already planned) and its fan-out sized. */
  private PlannedJob planned(
      JobSpec written, Workflow wf, boolean isFinal, Map<ForEach, FanOut> fanOuts) {
    JobSpec spec = written.withDefaults(wf.defaults());
    List<PlannedJob.Upstream> upstream = new ArrayList<>(spec.needs().size());
    ForEach paired = null;
    for (Dependency d : spec.needs()) {
      PlannedJob up = byId.get(d.job());
      upstream.add(new PlannedJob.Upstream(up, d.itemwise()));
      if (d.itemwise() && paired == null) {
        paired = up.spec().forEach();
      }
    }
    if (spec.forEach() == null && paired != null) {
      spec = spec.toBuilder().forEach(paired).build();
    }
    FanOut fanOut = fanOuts.computeIfAbsent(spec.forEach(), f -> FanOut.of(f, params));
    return new PlannedJob(spec, isFinal, fanOut, upstream, params, wf.name());
  }

  /**
   * Vertices added upstream first, so the acyclic graph never reorders itself. Without JGraphT's
   * (source, target) edge index, and declared as allowing parallel edges so that adding an edge
   * does not search for an existing one: the validator has refused repeated needs, and the index
   * would cost more than the rest of planning for 100,000 jobs.
   */
  private static Graph<PlannedJob, JobEdge> graphOf(List<PlannedJob> jobs) {
    Graph<PlannedJob, JobEdge> g =
        new DirectedAcyclicGraph<>(null, null, false, true, new DefaultGraphSpecificsStrategy<>());
    for (PlannedJob j : jobs) {
      g.addVertex(j);
    }
    for (PlannedJob j : jobs) {
      for (PlannedJob.Upstream u : j.links()) {
        g.addEdge(u.job(), j, new JobEdge(u.job().id(), j.id(), u.itemwise()));
      }
    }
    return g;
  }

  private static long count(List<PlannedJob> jobs) {
    long total = 0;
    for (PlannedJob j : jobs) {
      total += j.size();
      if (total < 0) {
        throw new InvalidWorkflowException(
            List.of(
                new Problem(
                    "jobs", "at most " + Long.MAX_VALUE + " job instances in all", "more")));
      }
    }
    return total;
  }

  public Workflow workflow() {
    return workflow;
  }

  /** The parameters in force: defaults with the overrides applied. */
  public Map<String, String> params() {
    return params;
  }

  /** The jobs in a topological order (ties in written order); the final job, if any, last. */
  public List<PlannedJob> jobs() {
    return jobs;
  }

  /**
   * The job with this id, the final job included.
   *
   * @throws NoSuchElementException if the workflow has no such job
   */
  public PlannedJob job(String id) {
    PlannedJob j = byId.get(id);
    if (j == null) {
      throw new NoSuchElementException("workflow " + workflow.name() + " has no job '" + id + "'");
    }
    return j;
  }

  /** The final job, if the workflow has one. */
  public Optional<PlannedJob> finalJob() {
    PlannedJob last = jobs.isEmpty() ? null : jobs.get(jobs.size() - 1);
    return last != null && last.isFinal() ? Optional.of(last) : Optional.empty();
  }

  /** The job graph: an edge from each job to each job that needs it. */
  public Graph<PlannedJob, JobEdge> graph() {
    return graph;
  }

  /** The jobs {@code job} needs, in the order its needs are written. */
  public List<PlannedJob> upstream(PlannedJob job) {
    return job.upstream();
  }

  /** The jobs that need {@code job}, upstream first. */
  public List<PlannedJob> downstream(PlannedJob job) {
    List<PlannedJob> out = new ArrayList<>();
    for (JobEdge e : graph.outgoingEdgesOf(job)) {
      out.add(graph.getEdgeTarget(e));
    }
    return out;
  }

  /** How many job instances the run has, fan-outs expanded. */
  public long instanceCount() {
    return instanceCount;
  }

  /** Every job instance, in {@link #jobs()} order, computed lazily one at a time. */
  public Stream<JobInstance> instances() {
    return jobs.stream().flatMap(PlannedJob::instances);
  }
}
