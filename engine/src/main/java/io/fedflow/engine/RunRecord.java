package io.fedflow.engine;

import java.time.Instant;
import java.util.Map;

/**
 * A run as stored: the workflow it runs (its YAML as fedflow wrote it, so a resumed run runs
 * exactly what was submitted, even if the file changed since), the parameters in force and the
 * run's state.
 *
 * @param id a short unique id, such as {@code 20261125-1932-ab12}
 * @param workflowFile the file the run was started from, for people to read; null from the DSL
 * @param workflowYaml the workflow as written by {@code WorkflowYamlWriter}
 * @param runDir the folder for the run's working directory, logs and attempt files
 */
public record RunRecord(
    String id,
    String workflowName,
    String workflowFile,
    String workflowYaml,
    Map<String, String> params,
    RunState state,
    String runDir,
    Instant createdAt,
    Instant endedAt) {

  public RunRecord {
    params = params == null ? Map.of() : Map.copyOf(params);
  }
}
