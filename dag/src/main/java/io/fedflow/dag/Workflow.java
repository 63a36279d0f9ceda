package io.fedflow.dag;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A named DAG of jobs, as its author wrote it in YAML or built it with the Java DSL. Parameters are
 * strings (they are rendered into commands and paths); fan-outs are not expanded here, see {@code
 * io.fedflow.dag.plan.Plan}.
 *
 * @param params parameters and their defaults, which a run may override
 * @param jobs the jobs, in the order they were written
 * @param finalJob a job that always runs last, whether the others succeeded or not; or null
 */
public record Workflow(
    String name,
    String description,
    Map<String, String> params,
    JobDefaults defaults,
    Limits limits,
    List<JobSpec> jobs,
    JobSpec finalJob) {

  public Workflow {
    Copies.required(name, "a workflow name");
    params = Copies.map(params);
    defaults = defaults == null ? JobDefaults.NONE : defaults;
    limits = limits == null ? Limits.NONE : limits;
    jobs = Copies.list(jobs);
  }

  /** Starts the Java DSL: {@code Workflow.named("higgs-ml").job("prepare", j -> ...).build()}. */
  public static WorkflowBuilder named(String name) {
    return new WorkflowBuilder(name);
  }

  /** The job with this id, the final job included. */
  public Optional<JobSpec> job(String id) {
    if (finalJob != null && finalJob.id().equals(id)) {
      return Optional.of(finalJob);
    }
    return jobs.stream().filter(j -> j.id().equals(id)).findFirst();
  }
}
