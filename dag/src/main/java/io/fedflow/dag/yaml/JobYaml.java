package io.fedflow.dag.yaml;

import static io.fedflow.dag.yaml.YamlNodes.integer;
import static io.fedflow.dag.yaml.YamlNodes.list;
import static io.fedflow.dag.yaml.YamlNodes.mapping;
import static io.fedflow.dag.yaml.YamlNodes.str;
import static io.fedflow.dag.yaml.YamlNodes.strings;
import static io.fedflow.dag.yaml.YamlNodes.value;

import io.fedflow.dag.Deadline;
import io.fedflow.dag.Dependency;
import io.fedflow.dag.Durations;
import io.fedflow.dag.ForEach;
import io.fedflow.dag.JobSpec;
import io.fedflow.dag.Placement;
import io.fedflow.dag.Program;
import io.fedflow.dag.Resources;
import io.fedflow.dag.RetryPolicy;
import io.fedflow.dag.Size;
import io.fedflow.dag.StagedFile;
import io.fedflow.dag.WorkEstimate;
import io.fedflow.dag.yaml.YamlNodes.Mapping;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.Node;

/** The YAML of one job, and of the job fields that {@code defaults} shares. */
final class JobYaml {
  private JobYaml() {}

  /**
   * A job's fields in the order a reader follows them: what it is, what it waits for and fans out
   * over, what it runs, with what files, on what resources, and where.
   */
  static Node job(JobSpec j) {
    Mapping f = mapping();
    f.put("description", j.description());
    f.put("labels", strings(j.labels()));
    f.put("needs", needs(j.needs()));
    f.put("forEach", forEach(j.forEach()));
    program(f, j.program());
    f.put("env", strings(j.env()));
    f.put("workdir", j.workdir());
    f.put("stdin", j.stdin());
    f.put("stdout", j.stdout());
    f.put("stderr", j.stderr());
    f.put("container", j.container() == null ? null : j.container().reference());
    f.put("inputs", staged(j.inputs()));
    f.put("outputs", staged(j.outputs()));
    f.put("resources", resources(j.resources()));
    f.put("work", work(j.work()));
    f.put("retries", retries(j.retry()));
    f.put("priority", j.priority() == null ? null : integer(j.priority()));
    f.put("category", j.category());
    f.put("placement", placement(j.placement()));
    // A job with no field at all (not valid, but writable) is {}.
    return f.isEmpty() ? f.flowIfShort() : f.block();
  }

  /** {@code needs: prepare} for one plain dependency, else a list. */
  private static Node needs(List<Dependency> needs) {
    if (needs.isEmpty()) {
      return null;
    }
    if (needs.size() == 1 && !needs.get(0).itemwise()) {
      return str(needs.get(0).job());
    }
    return strings(needs.stream().map(Dependency::toString).toList());
  }

  private static Node forEach(ForEach each) {
    if (each == null) {
      return null;
    }
    if (each instanceof ForEach.Values v) {
      return values(v.items());
    }
    if (each instanceof ForEach.Records r) {
      return list(r.items().stream().map(JobYaml::record).toList());
    }
    if (each instanceof ForEach.Range r) {
      Node range = mapping().put("from", bound(r.from())).put("to", bound(r.to())).flowIfShort();
      return mapping().put("range", range).block();
    }
    Mapping axes = mapping();
    ((ForEach.Matrix) each).axes().forEach((k, v) -> axes.put(k, values(v)));
    return mapping().put("matrix", axes.block()).block();
  }

  private static Node values(List<String> items) {
    return list(items.stream().map(YamlNodes::value).map(Node.class::cast).toList());
  }

  private static Node record(Map<String, String> r) {
    Mapping f = mapping();
    r.forEach((k, v) -> f.put(k, value(v)));
    return f.flowIfShort();
  }

  /** An integer plain, a template such as {@code {{params.n}}} quoted. */
  private static Node bound(String b) {
    return b.matches("-?[0-9]+") ? value(b) : str(b);
  }

  private static void program(Mapping f, Program p) {
    if (p == null) {
      return;
    }
    List<String> args;
    if (p instanceof Program.Command c) {
      f.put("command", strings(c.argv()));
      args = List.of();
    } else if (p instanceof Program.InlineScript s) {
      f.put("script", str(s.body()));
      args = s.args();
    } else {
      Program.ScriptFile s = (Program.ScriptFile) p;
      f.put("scriptFile", s.path());
      args = s.args();
    }
    if (!args.isEmpty()) {
      f.put("args", strings(args));
    }
  }

  /** A plain path when a file keeps its name, else {@code {from: a, to: b}}. */
  private static Node staged(List<StagedFile> files) {
    if (files.isEmpty()) {
      return null;
    }
    return list(
        files.stream()
            .map(
                s ->
                    s.source().equals(s.target())
                        ? str(s.source())
                        : mapping().put("from", s.source()).put("to", s.target()).flowIfShort())
            .toList());
  }

  static Node resources(Resources r) {
    Mapping f = mapping();
    f.put("cpus", r.cpus() == null ? null : integer(r.cpus()));
    f.put("gpus", r.gpus() == null ? null : integer(r.gpus()));
    f.put("gpuModel", r.gpuModel());
    f.put("memory", text(r.memory(), JobYaml::size));
    f.put("disk", text(r.disk(), JobYaml::size));
    f.put("walltime", text(r.walltime(), Durations::format));
    return f.block();
  }

  private static Node work(WorkEstimate w) {
    if (w == null) {
      return null;
    }
    Mapping f = mapping();
    f.put("coreHours", w.coreHours() == null ? null : YamlNodes.number(w.coreHours()));
    f.put("gpuHours", w.gpuHours() == null ? null : YamlNodes.number(w.gpuHours()));
    f.put("runtime", text(w.referenceRuntime(), Durations::format));
    return f.isEmpty() ? mapping().flowIfShort() : f.block();
  }

  /** {@code retries: 3} with the default backoff, else the count and the whole backoff. */
  static Node retries(RetryPolicy r) {
    if (r == null) {
      return null;
    }
    if (r.hasDefaultBackoff()) {
      return integer(r.count());
    }
    Mapping backoff = mapping();
    backoff.put("initial", Durations.format(r.initialDelay()));
    backoff.put("factor", YamlNodes.number(r.factor()));
    backoff.put("max", Durations.format(r.maxDelay()));
    return mapping().put("count", integer(r.count())).put("backoff", backoff.flowIfShort()).block();
  }

  static Node placement(Placement p) {
    Mapping f = mapping();
    f.put("sites", p.sites().isEmpty() ? null : strings(p.sites()));
    f.put("excludeSites", p.excludeSites().isEmpty() ? null : strings(p.excludeSites()));
    f.put("objective", p.objective() == null ? null : p.objective().word());
    f.put("deadline", deadline(p.deadline()));
    return f.block();
  }

  private static Node deadline(Deadline d) {
    if (d == null) {
      return null;
    }
    if (d instanceof Deadline.Within w) {
      return str(Durations.format(w.duration()));
    }
    return YamlNodes.timestamp(((Deadline.At) d).instant().toString());
  }

  /**
   * The size in the largest binary unit that is exact ({@link Size#toString}), or in a decimal unit
   * when that is shorter: {@code 1TB} rather than {@code 976562500KiB}.
   */
  static String size(Size s) {
    String binary = s.toString();
    long[] factors = {1_000_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L};
    String[] units = {"TB", "GB", "MB", "KB"};
    for (int i = 0; i < factors.length; i++) {
      if (s.bytes() != 0 && s.bytes() % factors[i] == 0) {
        String decimal = s.bytes() / factors[i] + units[i];
        return decimal.length() < binary.length() ? decimal : binary;
      }
    }
    return binary;
  }

  private static <T> Node text(T value, Function<T, String> format) {
    return value == null ? null : str(format.apply(value));
  }
}
