package io.fedflow.dag.yaml;

import io.fedflow.dag.Workflow;

/**
 * Writes a workflow as YAML (format version 1) that {@link WorkflowYamlReader} reads back equal.
 */
public final class WorkflowYamlWriter {
  private WorkflowYamlWriter() {}

  public static String write(Workflow wf) {
    throw new UnsupportedOperationException("being written");
  }
}
