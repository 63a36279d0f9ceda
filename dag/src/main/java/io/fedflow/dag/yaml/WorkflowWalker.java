package io.fedflow.dag.yaml;

import io.fedflow.dag.JobDefaults;
import io.fedflow.dag.JobSpec;
import io.fedflow.dag.Limits;
import io.fedflow.dag.Workflow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.Node;

/** Reads the top level of a workflow file: version, name, params, defaults, limits and jobs. */
final class WorkflowWalker {
  static final String VERSION = "the format version 1";
  static final String JOBS = "a map from job id to job";
  static final String FINAL = "a map with exactly one job";
  private static final String COUNT = "an integer of 1 or more";

  private WorkflowWalker() {}

  /** The workflow of {@code root}, or null when anything in it is wrong (all of it reported). */
  static Workflow read(Node root, Findings findings) {
    return read(root, findings, job -> JobReader.job(job.name(), job));
  }

  /**
   * As {@link #read(Node, Findings)}, with the jobs of {@code jobs} given by {@code job} (which may
   * have read them already, as {@link JobByJobComposer} does).
   */
  static Workflow read(Node root, Findings findings, Function<Field, JobSpec> job) {
    Field top = new Field(findings, "", null, root);
    if (!top.isMap()) {
      findings.report(
          top.where(), Findings.FILE, Vocabulary.WORKFLOW.expected(), Found.describe(root));
      return null;
    }
    Fields f = top.fields(Vocabulary.WORKFLOW);
    String version = f.required("version", VERSION, x -> x.text(VERSION));
    if (version != null && !version.equals("1")) {
      f.get("version").wrong(VERSION);
    }
    String name = f.required("name", "the workflow's name", x -> x.text("the workflow's name"));
    String description = f.value("description", x -> x.text("text"));
    Map<String, String> params = f.value("params", WorkflowWalker::params);
    JobDefaults defaults = f.value("defaults", JobReader::defaults);
    Limits limits = f.value("limits", WorkflowWalker::limits);
    List<JobSpec> jobs = f.required("jobs", JOBS, x -> jobs(x, job));
    JobSpec finalJob = f.value("final", WorkflowWalker::finalJob);
    if (findings.hasErrors()) {
      return null;
    }
    return top.parsed(
        () -> new Workflow(name, description, params, defaults, limits, jobs, finalJob));
  }

  private static Map<String, String> params(Field x) {
    return x.textMap(
        "a map from parameter name to value",
        "a parameter name",
        "a single value like 20 or data.csv");
  }

  private static Limits limits(Field x) {
    Fields f = x.fields(Vocabulary.LIMITS);
    if (f == null) {
      return null;
    }
    Integer maxInFlight = f.value("maxInFlight", y -> y.integer(COUNT, 1));
    Map<String, Integer> categories = f.value("categories", WorkflowWalker::categories);
    return new Limits(maxInFlight, categories);
  }

  private static Map<String, Integer> categories(Field x) {
    Fields f = x.entries("a map from category to the most jobs in flight", "a category name");
    if (f == null) {
      return null;
    }
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Field c : f.all()) {
      out.put(c.name(), c.integer(COUNT, 1));
    }
    return out;
  }

  private static List<JobSpec> jobs(Field x, Function<Field, JobSpec> read) {
    Fields f = x.entries(JOBS, "a job id");
    if (f == null) {
      return null;
    }
    if (f.isEmpty()) {
      x.report("at least one job", "an empty workflow");
      return null;
    }
    List<JobSpec> jobs = new ArrayList<>(f.size());
    for (Field job : f.all()) {
      jobs.add(read.apply(job));
    }
    // A second job with the same id is an error, but what is wrong inside it is worth knowing too.
    f.duplicates().forEach(read::apply);
    return jobs;
  }

  private static JobSpec finalJob(Field x) {
    Fields f = x.entries(FINAL, "a job id");
    if (f == null) {
      return null;
    }
    if (f.isEmpty() || f.size() > 1) {
      x.report(FINAL, f.isEmpty() ? "an empty map" : f.size() + " jobs");
    }
    if (f.size() != 1) {
      return null;
    }
    Field job = f.all().iterator().next();
    return JobReader.job(job.name(), job);
  }
}
