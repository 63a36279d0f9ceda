package io.fedflow.dag.yaml;

import static io.fedflow.dag.yaml.YamlTree.fields;
import static io.fedflow.dag.yaml.YamlTree.integer;
import static io.fedflow.dag.yaml.YamlTree.strings;

import io.fedflow.dag.JobDefaults;
import io.fedflow.dag.JobSpec;
import io.fedflow.dag.Limits;
import io.fedflow.dag.Workflow;
import io.fedflow.dag.yaml.YamlTree.Fields;
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
    Fields f = fields();
    f.put("version", integer(1));
    f.put("name", wf.name());
    f.put("description", wf.description());
    f.put("params", params(wf.params()));
    f.put("defaults", defaults(wf.defaults()));
    f.put("limits", limits(wf.limits()));
    Fields jobs = fields();
    wf.jobs().forEach(j -> jobs.put(j.id(), JobYamlTree.job(j)));
    // "jobs" is required: an empty map says so rather than leaving it out.
    f.put("jobs", jobs.isEmpty() ? jobs.flowIfShort() : jobs.block());
    JobSpec last = wf.finalJob();
    if (last != null) {
      f.put("final", fields().put(last.id(), JobYamlTree.job(last)).block());
    }
    return YamlTree.text(f.block());
  }

  private static Node params(Map<String, String> params) {
    Fields f = fields();
    params.forEach((k, v) -> f.put(k, YamlTree.value(v)));
    return f.block();
  }

  private static Node defaults(JobDefaults d) {
    Fields f = fields();
    f.put("labels", strings(d.labels()));
    f.put("env", strings(d.env()));
    f.put("workdir", d.workdir());
    f.put("container", d.container() == null ? null : d.container().reference());
    f.put("resources", JobYamlTree.resources(d.resources()));
    f.put("retries", JobYamlTree.retries(d.retry()));
    f.put("priority", d.priority() == null ? null : integer(d.priority()));
    f.put("category", d.category());
    f.put("placement", JobYamlTree.placement(d.placement()));
    return f.block();
  }

  private static Node limits(Limits l) {
    Fields categories = fields();
    l.categories().forEach((k, v) -> categories.put(k, integer(v)));
    Fields f = fields();
    f.put("maxInFlight", l.maxInFlight() == null ? null : integer(l.maxInFlight()));
    f.put("categories", categories.block());
    return f.block();
  }
}
