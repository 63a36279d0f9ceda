package io.fedflow.dag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The Java DSL: builds a {@link Workflow} in code, for workflows computed rather than written (a
 * hyperparameter grid from Java, a campaign generated from a database).
 *
 * <pre>{@code
 * Workflow wf = Workflow.named("higgs-ml")
 *     .param("epochs", 20)
 *     .job("prepare", j -> j.command("sh", "prepare.sh"))
 *     .job("train", j -> j.needs("prepare").gpus(1).memory("32GiB"))
 *     .build();
 * }</pre>
 *
 * {@link #build()} checks the whole workflow, as the YAML reader does, and throws {@link
 * InvalidWorkflowException} listing every problem.
 */
public final class WorkflowBuilder {
  private final String name;
  private String description;
  private final Map<String, String> params = new LinkedHashMap<>();
  private JobDefaults defaults = JobDefaults.NONE;
  private Integer maxInFlight;
  private final Map<String, Integer> categoryLimits = new LinkedHashMap<>();
  private final List<JobSpec> jobs = new ArrayList<>();
  private JobSpec finalJob;

  WorkflowBuilder(String name) {
    this.name = Copies.required(name, "a workflow name");
  }

  public WorkflowBuilder description(String text) {
    description = text;
    return this;
  }

  /** A parameter with its default value, referred to as {@code {{params.NAME}}}. */
  public WorkflowBuilder param(String key, Object defaultValue) {
    params.put(key, String.valueOf(Copies.required(defaultValue, "a parameter value")));
    return this;
  }

  /**
   * Defaults for every job, set with the job builder: {@code defaults(d ->
   * d.memory("2GiB").retries(2))}. A default cannot set what a job runs, its fan-out or needs.
   */
  public WorkflowBuilder defaults(Consumer<JobBuilder> settings) {
    JobBuilder b = new JobBuilder("defaults");
    settings.accept(b);
    JobSpec s = b.build();
    if (s.program() != null || s.forEach() != null || !s.needs().isEmpty()) {
      throw new IllegalArgumentException(
          "defaults cannot set a command, script, forEach or needs: those belong to each job");
    }
    defaults = JobDefaults.from(s);
    return this;
  }

  public WorkflowBuilder defaults(JobDefaults d) {
    defaults = d == null ? JobDefaults.NONE : d;
    return this;
  }

  /** The most jobs in flight at once for the whole workflow. */
  public WorkflowBuilder maxInFlight(int n) {
    maxInFlight = n;
    return this;
  }

  /** The most jobs of {@code category} in flight at once. */
  public WorkflowBuilder categoryLimit(String category, int n) {
    categoryLimits.put(category, n);
    return this;
  }

  public WorkflowBuilder job(String id, Consumer<JobBuilder> settings) {
    JobBuilder b = new JobBuilder(id);
    settings.accept(b);
    return job(b.build());
  }

  public WorkflowBuilder job(JobSpec spec) {
    jobs.add(spec);
    return this;
  }

  /** The job that always runs last, whether the workflow succeeded or failed. */
  public WorkflowBuilder finalJob(String id, Consumer<JobBuilder> settings) {
    JobBuilder b = new JobBuilder(id);
    settings.accept(b);
    finalJob = b.build();
    return this;
  }

  public WorkflowBuilder finalJob(JobSpec spec) {
    finalJob = spec;
    return this;
  }

  /** The workflow, without checking it. */
  public Workflow buildUnchecked() {
    return new Workflow(
        name,
        description,
        params,
        defaults,
        new Limits(maxInFlight, categoryLimits),
        jobs,
        finalJob);
  }

  /**
   * The workflow, checked.
   *
   * @throws InvalidWorkflowException listing every problem found
   */
  public Workflow build() {
    Workflow wf = buildUnchecked();
    List<Problem> problems = WorkflowValidator.problems(wf);
    if (!problems.isEmpty()) {
      throw new InvalidWorkflowException(problems);
    }
    return wf;
  }
}
