package io.fedflow.dag;

import io.fedflow.dag.template.TemplateNames;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks the fields of one job (or of the workflow defaults) in the order they are written: what it
 * runs, its environment, files, resources and placement, and every template in them. Templates are
 * checked once per job against the names it can see, never once per instance.
 */
final class JobCheck {
  static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final String ENV_EXPECTED =
      "an environment variable name (letters, digits and _, not starting with a digit)";

  private final JobDefaults defaults;
  private final TemplateCheck templates = new TemplateCheck();
  private boolean gpuModelOfDefaultsReported;
  private boolean placementOfDefaultsReported;

  JobCheck(JobDefaults defaults) {
    this.defaults = defaults;
  }

  /** Checks the workflow's defaults; their templates may not use {@code item}. */
  void checkDefaults(TemplateNames names, List<Problem> out) {
    String base = "defaults";
    labels(defaults.labels(), base, out);
    env(defaults.env(), base, names, out);
    templates.check(defaults.workdir(), base, ".workdir", names, out);
    resources(defaults.resources(), base, out);
    category(defaults.category(), base, out);
  }

  /** Checks a job as written; defaults count where they combine with its own fields. */
  void check(JobSpec job, String base, TemplateNames names, List<Problem> out) {
    labels(job.labels(), base, out);
    program(job.program(), base, names, out);
    env(job.env(), base, names, out);
    templates.check(job.workdir(), base, ".workdir", names, out);
    templates.check(job.stdin(), base, ".stdin", names, out);
    templates.check(job.stdout(), base, ".stdout", names, out);
    templates.check(job.stderr(), base, ".stderr", names, out);
    staged(job.inputs(), base + ".inputs", names, out);
    staged(job.outputs(), base + ".outputs", names, out);
    resources(job.resources(), base, out);
    gpuModel(job.resources(), base, out);
    placement(job.placement(), base, out);
    category(job.category(), base, out);
  }

  private static void labels(Map<String, String> labels, String base, List<Problem> out) {
    for (String key : labels.keySet()) {
      if (key.isBlank()) {
        out.add(new Problem(base + ".labels", "a non-blank label key", FieldPaths.quoted(key)));
      }
    }
  }

  private void program(Program p, String base, TemplateNames names, List<Problem> out) {
    if (p == null) {
      out.add(new Problem(base, "one of command, script or scriptFile", "none"));
    } else if (p instanceof Program.Command c) {
      String at = base + ".command";
      if (c.argv().isEmpty()) {
        out.add(new Problem(at, "at least one argument", "none"));
      } else if (c.argv().get(0).isBlank()) {
        out.add(
            new Problem(
                FieldPaths.index(at, 0), "a program to run", FieldPaths.quoted(c.argv().get(0))));
      }
      all(c.argv(), base, ".command", names, out);
    } else if (p instanceof Program.InlineScript s) {
      if (s.body().isBlank()) {
        out.add(new Problem(base + ".script", "a script", FieldPaths.quoted(s.body())));
      }
      templates.check(s.body(), base, ".script", names, out);
      all(s.args(), base, ".args", names, out);
    } else if (p instanceof Program.ScriptFile f) {
      if (f.path().isBlank()) {
        out.add(new Problem(base + ".scriptFile", "a file path", FieldPaths.quoted(f.path())));
      }
      templates.check(f.path(), base, ".scriptFile", names, out);
      all(f.args(), base, ".args", names, out);
    }
  }

  private void env(Map<String, String> env, String base, TemplateNames names, List<Problem> out) {
    for (Map.Entry<String, String> e : env.entrySet()) {
      String at = FieldPaths.key(base + ".env", e.getKey());
      if (!ENV_NAME.matcher(e.getKey()).matches()) {
        out.add(new Problem(at, ENV_EXPECTED, FieldPaths.quoted(e.getKey())));
      }
      templates.check(e.getValue(), at, "", names, out);
    }
  }

  private void staged(List<StagedFile> files, String base, TemplateNames names, List<Problem> out) {
    for (int i = 0; i < files.size(); i++) {
      StagedFile f = files.get(i);
      String at = FieldPaths.index(base, i);
      if (f.source().equals(f.target())) {
        templates.check(f.source(), at, "", names, out);
      } else {
        templates.check(f.source(), at, ".from", names, out);
        templates.check(f.target(), at, ".to", names, out);
      }
    }
  }

  private void all(
      List<String> texts, String base, String field, TemplateNames names, List<Problem> out) {
    for (int i = 0; i < texts.size(); i++) {
      templates.check(texts.get(i), base, field, i, names, out);
    }
  }

  private static void resources(Resources r, String base, List<Problem> out) {
    String at = base + ".resources";
    if (r.cpus() != null && r.cpus() < 1) {
      out.add(new Problem(at + ".cpus", "at least 1", FieldPaths.quoted(r.cpus())));
    }
    if (r.gpus() != null && r.gpus() < 0) {
      out.add(new Problem(at + ".gpus", "at least 0", FieldPaths.quoted(r.gpus())));
    }
    if (r.memory() != null && r.memory().bytes() == 0) {
      out.add(new Problem(at + ".memory", "a size above 0", FieldPaths.quoted(r.memory())));
    }
    if (r.disk() != null && r.disk().bytes() == 0) {
      out.add(new Problem(at + ".disk", "a size above 0", FieldPaths.quoted(r.disk())));
    }
    Duration w = r.walltime();
    if (w != null && (w.isZero() || w.isNegative())) {
      String text = w.isNegative() ? "-" + Durations.format(w.negated()) : "0s";
      out.add(new Problem(at + ".walltime", "a duration above 0", FieldPaths.quoted(text)));
    }
  }

  /**
   * A GPU model needs GPUs, once the defaults are merged in. Reported at the job when it sets
   * either field, else once at the defaults that set the model.
   */
  private void gpuModel(Resources own, String base, List<Problem> out) {
    if (own.gpuModel() == null && defaults.resources().gpuModel() == null) {
      return;
    }
    Resources r = own.orElse(defaults.resources());
    if (r.gpuModel() == null || (r.gpus() != null && r.gpus() >= 1)) {
      return;
    }
    boolean mine = own.gpuModel() != null || own.gpus() != null;
    if (mine || !gpuModelOfDefaultsReported) {
      gpuModelOfDefaultsReported |= !mine;
      out.add(
          new Problem(
              (mine ? base : "defaults") + ".resources.gpuModel",
              "a gpuModel only with gpus of at least 1",
              FieldPaths.quoted(r.gpuModel())));
    }
  }

  /** No site both allowed and excluded, once the defaults are merged in. */
  private void placement(Placement own, String base, List<Problem> out) {
    if (own.isEmpty() && defaults.placement().isEmpty()) {
      return;
    }
    Placement p = own.orElse(defaults.placement());
    for (int i = 0; i < p.excludeSites().size(); i++) {
      String site = p.excludeSites().get(i);
      if (!p.sites().contains(site)) {
        continue;
      }
      if (!own.excludeSites().isEmpty()) {
        out.add(
            new Problem(
                FieldPaths.index(base + ".placement.excludeSites", i),
                "a site not also in sites",
                FieldPaths.quoted(site)));
      } else if (!own.sites().isEmpty()) {
        out.add(
            new Problem(
                FieldPaths.index(base + ".placement.sites", own.sites().indexOf(site)),
                "a site not also in excludeSites",
                FieldPaths.quoted(site)));
      } else if (!placementOfDefaultsReported) {
        out.add(
            new Problem(
                FieldPaths.index("defaults.placement.excludeSites", i),
                "a site not also in sites",
                FieldPaths.quoted(site)));
      }
    }
    if (own.excludeSites().isEmpty() && own.sites().isEmpty()) {
      placementOfDefaultsReported |= p.excludeSites().stream().anyMatch(p.sites()::contains);
    }
  }

  private static void category(String category, String base, List<Problem> out) {
    if (category != null && category.isBlank()) {
      out.add(new Problem(base + ".category", "a category name", FieldPaths.quoted(category)));
    }
  }
}
