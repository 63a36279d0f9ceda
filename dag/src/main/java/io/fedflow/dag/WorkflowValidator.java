package io.fedflow.dag;

import io.fedflow.dag.template.TemplateNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a workflow as a whole, whichever way it was written: ids, dependencies, cycles, fan-outs,
 * templates. Returns every problem at once, each with its field path.
 *
 * <p>Nothing is done per job instance: a fan-out is checked as written, so a million-instance range
 * costs what a two-instance one does.
 */
public final class WorkflowValidator {
  private static final Pattern WORKFLOW_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern JOB_ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

  private WorkflowValidator() {}

  /** Every problem of {@code wf}, in the order its fields are written; empty when it is valid. */
  public static List<Problem> problems(Workflow wf) {
    return problems(wf, Map.of());
  }

  /**
   * Every problem of {@code wf} run with some parameters overridden: an override of an undeclared
   * parameter is a problem, and range bounds such as {@code {{params.shards}}} are checked with the
   * overridden values.
   */
  public static List<Problem> problems(Workflow wf, Map<String, String> overrides) {
    List<Problem> out = new ArrayList<>();
    if (!WORKFLOW_NAME.matcher(wf.name()).matches()) {
      out.add(
          new Problem(
              "name",
              "a name of letters, digits, '.', '_' and '-', starting with a letter or digit",
              FieldPaths.quoted(wf.name())));
    }
    Map<String, String> params = params(wf, overrides, out);
    TemplateNames names = TemplateNames.of(wf.params().keySet());
    JobCheck jobCheck = new JobCheck(wf.defaults());
    jobCheck.checkDefaults(names, out);
    limits(wf.limits(), out);
    jobs(wf, new FanOutCheck(params), jobCheck, names, out);
    return out;
  }

  private static Map<String, String> params(
      Workflow wf, Map<String, String> overrides, List<Problem> out) {
    for (String name : wf.params().keySet()) {
      if (!JobCheck.ENV_NAME.matcher(name).matches()) {
        out.add(
            new Problem(
                FieldPaths.key("params", name),
                "a parameter name (letters, digits and _, not starting with a digit)",
                FieldPaths.quoted(name)));
      }
    }
    Map<String, String> params = new LinkedHashMap<>(wf.params());
    for (Map.Entry<String, String> o : overrides.entrySet()) {
      if (params.containsKey(o.getKey())) {
        params.put(o.getKey(), o.getValue());
      } else {
        String declared =
            wf.params().isEmpty() ? "none declared" : String.join(", ", wf.params().keySet());
        out.add(
            new Problem(
                FieldPaths.key("params", o.getKey()),
                "a declared parameter (" + declared + ")",
                FieldPaths.quoted(o.getKey())));
      }
    }
    return params;
  }

  private static void limits(Limits limits, List<Problem> out) {
    if (limits.maxInFlight() != null && limits.maxInFlight() < 1) {
      out.add(
          new Problem("limits.maxInFlight", "at least 1", FieldPaths.quoted(limits.maxInFlight())));
    }
    for (Map.Entry<String, Integer> c : limits.categories().entrySet()) {
      if (c.getKey().isBlank()) {
        out.add(new Problem("limits.categories", "a category name", FieldPaths.quoted(c.getKey())));
      }
      if (c.getValue() == null || c.getValue() < 1) {
        out.add(
            new Problem(
                FieldPaths.key("limits.categories", c.getKey()),
                "at least 1",
                FieldPaths.quoted(c.getValue())));
      }
    }
  }

  private static void jobs(
      Workflow wf,
      FanOutCheck fanOutCheck,
      JobCheck jobCheck,
      TemplateNames names,
      List<Problem> out) {
    if (wf.jobs().isEmpty()) {
      out.add(new Problem("jobs", "at least one job", "none"));
    }
    JobGraph graph = JobGraph.of(wf);
    for (int i = 0; i < wf.jobs().size(); i++) {
      JobSpec job = wf.jobs().get(i);
      String base = FieldPaths.key("jobs", job.id());
      id(job.id(), base, out);
      if (graph.isRepeated(i)) {
        out.add(new Problem(base, "a job id used by no other job", FieldPaths.quoted(job.id())));
      }
      jobCheck.check(job, base, FanOutCheck.names(graph.fanOut(i), names), out);
      if (job.forEach() != null) {
        fanOutCheck.check(job.forEach(), base + ".forEach", out);
      }
      graph.checkNeeds(i, base, fanOutCheck, out);
    }
    if (graph.moreCycles()) {
      out.add(
          new Problem(
              "jobs", "no cycle", "more cycles than the " + CycleFinder.MAX_CYCLES + " listed"));
    }
    JobSpec last = wf.finalJob();
    if (last != null) {
      String base = FieldPaths.key("final", last.id());
      id(last.id(), base, out);
      if (graph.hasJob(last.id())) {
        out.add(new Problem(base, "a job id used by no other job", FieldPaths.quoted(last.id())));
      }
      jobCheck.check(last, base, names, out);
      if (last.forEach() != null) {
        out.add(new Problem(base + ".forEach", "no forEach for the final job", "one"));
      }
      if (!last.needs().isEmpty()) {
        out.add(
            new Problem(
                base + ".needs",
                "no needs for the final job",
                FieldPaths.quoted(
                    String.join(", ", last.needs().stream().map(Dependency::toString).toList()))));
      }
    }
  }

  private static void id(String id, String base, List<Problem> out) {
    if (!JOB_ID.matcher(id).matches()) {
      out.add(
          new Problem(
              base,
              "a job id of letters, digits, '_' and '-', starting with a letter",
              FieldPaths.quoted(id)));
    }
  }
}
