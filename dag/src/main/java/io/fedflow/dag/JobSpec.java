package io.fedflow.dag;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One job of a workflow as its author wrote it: templates unrendered, defaults not yet applied,
 * and, for a fan-out, one spec for all its instances. Unset optional fields are null (or empty).
 *
 * <p>Its POSIX part maps one to one onto JSDL: {@code program} to Executable and Argument, {@code
 * env} to Environment, {@code stdin}/{@code stdout}/{@code stderr} to Input/Output/Error, {@code
 * workdir} to WorkingDirectory, {@code resources} to TotalCPUCount, IndividualPhysicalMemory and
 * WallTimeLimit, {@code inputs}/{@code outputs} to DataStaging.
 */
public record JobSpec(
    String id,
    String description,
    Map<String, String> labels,
    Program program,
    Map<String, String> env,
    String workdir,
    String stdin,
    String stdout,
    String stderr,
    ContainerImage container,
    List<StagedFile> inputs,
    List<StagedFile> outputs,
    Resources resources,
    WorkEstimate work,
    RetryPolicy retry,
    Integer priority,
    String category,
    Placement placement,
    ForEach forEach,
    List<Dependency> needs) {

  public JobSpec {
    Copies.required(id, "a job id");
    labels = Copies.map(labels);
    env = Copies.map(env);
    inputs = Copies.list(inputs);
    outputs = Copies.list(outputs);
    resources = resources == null ? Resources.NONE : resources;
    placement = placement == null ? Placement.NONE : placement;
    needs = Copies.list(needs);
  }

  public static JobBuilder builder(String id) {
    return new JobBuilder(id);
  }

  /** A builder holding this spec, to change a few fields of it. */
  public JobBuilder toBuilder() {
    return new JobBuilder(this);
  }

  /** This job with every unset field taken from the workflow's defaults. */
  public JobSpec withDefaults(JobDefaults d) {
    if (d == null || d.isEmpty()) {
      return this;
    }
    return new JobSpec(
        id,
        description,
        merged(d.labels(), labels),
        program,
        merged(d.env(), env),
        workdir != null ? workdir : d.workdir(),
        stdin,
        stdout,
        stderr,
        container != null ? container : d.container(),
        inputs,
        outputs,
        resources.orElse(d.resources()),
        work,
        retry != null ? retry : d.retry(),
        priority != null ? priority : d.priority(),
        category != null ? category : d.category(),
        placement.orElse(d.placement()),
        forEach,
        needs);
  }

  private static Map<String, String> merged(Map<String, String> base, Map<String, String> own) {
    if (base.isEmpty()) {
      return own;
    }
    Map<String, String> m = new LinkedHashMap<>(base);
    m.putAll(own);
    return m;
  }

  /** The retry policy in force: none when unset. */
  public RetryPolicy retryOrNone() {
    return retry != null ? retry : RetryPolicy.NONE;
  }

  /** The walltime, when set. */
  public Duration walltime() {
    return resources.walltime();
  }
}
