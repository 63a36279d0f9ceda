package io.fedflow.dag.yaml;

import static io.fedflow.dag.yaml.YamlNodes.integer;
import static io.fedflow.dag.yaml.YamlNodes.mapping;
import static io.fedflow.dag.yaml.YamlNodes.strings;

import io.fedflow.dag.JobDefaults;
import io.fedflow.dag.JobSpec;
import io.fedflow.dag.Limits;
import io.fedflow.dag.Workflow;
import io.fedflow.dag.yaml.YamlNodes.Mapping;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Writes a workflow as YAML (format version 1) that {@link WorkflowYamlReader} reads back equal.
 * The text is meant for people too: unset fields are left out, and short forms are used where the
 * format has them ({@code needs: prepare}, {@code retries: 3}, a path for a file that keeps its
 * name, {@code [a, b]} for a short list).
 */
public final class WorkflowYamlWriter {
  private WorkflowYamlWriter() {}

  public static String write(Workflow wf) {
    Mapping f = mapping();
    f.put("version", integer(1));
    f.put("name", wf.name());
    f.put("description", wf.description());
    f.put("params", params(wf.params()));
    f.put("defaults", defaults(wf.defaults()));
    f.put("limits", limits(wf.limits()));
    Mapping jobs = mapping();
    wf.jobs().forEach(j -> jobs.put(j.id(), JobYaml.job(j)));
    // "jobs" is required: an empty map says so rather than leaving it out.
    f.put("jobs", jobs.isEmpty() ? jobs.flowIfShort() : jobs.block());
    JobSpec last = wf.finalJob();
    if (last != null) {
      f.put("final", mapping().put(last.id(), JobYaml.job(last)).block());
    }
    return YamlNodes.text(f.block());
  }

  private static Node params(Map<String, String> params) {
    Mapping f = mapping();
    params.forEach((k, v) -> f.put(k, YamlNodes.value(v)));
    return f.block();
  }

  private static Node defaults(JobDefaults d) {
    Mapping f = mapping();
    f.put("labels", strings(d.labels()));
    f.put("env", strings(d.env()));
    f.put("workdir", d.workdir());
    f.put("container", d.container() == null ? null : d.container().reference());
    f.put("resources", JobYaml.resources(d.resources()));
    f.put("retries", JobYaml.retries(d.retry()));
    f.put("priority", d.priority() == null ? null : integer(d.priority()));
    f.put("category", d.category());
    f.put("placement", JobYaml.placement(d.placement()));
    return f.block();
  }

  private static Node limits(Limits l) {
    Mapping categories = mapping();
    l.categories().forEach((k, v) -> categories.put(k, integer(v)));
    Mapping f = mapping();
    f.put("maxInFlight", l.maxInFlight() == null ? null : integer(l.maxInFlight()));
    f.put("categories", categories.block());
    return f.block();
  }
}
