package io.fedflow.dag.plan;

import io.fedflow.dag.JobSpec;
import io.fedflow.dag.Program;
import io.fedflow.dag.StagedFile;
import io.fedflow.dag.template.Template;
import io.fedflow.dag.template.TemplateContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders the templated fields of one job's spec for each of its instances: {@code command}, {@code
 * script}, {@code scriptFile}, {@code args}, {@code env} values, {@code workdir}, the standard
 * streams, {@code inputs} and {@code outputs}. Each field is parsed once per job; the validator has
 * already checked every name.
 */
final class SpecRenderer {
  private final JobSpec spec;
  private final Map<String, Template> parsed = new ConcurrentHashMap<>();

  SpecRenderer(JobSpec spec) {
    this.spec = spec;
  }

  /** The spec of one instance: templates rendered, no forEach, needs as written. */
  JobSpec render(TemplateContext c) {
    return new JobSpec(
        spec.id(),
        spec.description(),
        spec.labels(),
        program(spec.program(), c),
        env(spec.env(), c),
        text(spec.workdir(), c),
        text(spec.stdin(), c),
        text(spec.stdout(), c),
        text(spec.stderr(), c),
        spec.container(),
        staged(spec.inputs(), c),
        staged(spec.outputs(), c),
        spec.resources(),
        spec.work(),
        spec.retry(),
        spec.priority(),
        spec.category(),
        spec.placement(),
        null,
        spec.needs());
  }

  private Program program(Program p, TemplateContext c) {
    if (p instanceof Program.Command cmd) {
      return new Program.Command(texts(cmd.argv(), c));
    }
    if (p instanceof Program.InlineScript s) {
      return new Program.InlineScript(text(s.body(), c), texts(s.args(), c));
    }
    if (p instanceof Program.ScriptFile f) {
      return new Program.ScriptFile(text(f.path(), c), texts(f.args(), c));
    }
    return p;
  }

  private Map<String, String> env(Map<String, String> env, TemplateContext c) {
    if (env.isEmpty()) {
      return env;
    }
    Map<String, String> out = new LinkedHashMap<>();
    env.forEach((k, v) -> out.put(k, text(v, c)));
    return out;
  }

  private List<StagedFile> staged(List<StagedFile> files, TemplateContext c) {
    List<StagedFile> out = new ArrayList<>(files.size());
    for (StagedFile f : files) {
      out.add(new StagedFile(text(f.source(), c), text(f.target(), c)));
    }
    return out;
  }

  private List<String> texts(List<String> texts, TemplateContext c) {
    List<String> out = new ArrayList<>(texts.size());
    for (String t : texts) {
      out.add(text(t, c));
    }
    return out;
  }

  private String text(String t, TemplateContext c) {
    if (t == null || !t.contains("{{")) {
      return t;
    }
    return template(t).render(c);
  }

  /** Parsed on first use and kept: a fan-out renders the same texts a million times. */
  private Template template(String t) {
    return parsed.computeIfAbsent(t, Template::parse);
  }
}
