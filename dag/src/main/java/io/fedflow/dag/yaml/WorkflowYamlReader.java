package io.fedflow.dag.yaml;

import io.fedflow.dag.Workflow;
import java.nio.file.Path;

/** Reads a workflow from YAML (format version 1), checking all of it. */
public final class WorkflowYamlReader {
  private WorkflowYamlReader() {}

  /**
   * Reads and checks the workflow in {@code file}.
   *
   * @throws WorkflowFileException with every problem of the file (an unreadable file included)
   */
  public static Workflow read(Path file) {
    throw new UnsupportedOperationException("being written");
  }

  /**
   * Reads and checks a workflow from text; {@code fileName} is used in the diagnostics.
   *
   * @throws WorkflowFileException with every problem of the text
   */
  public static Workflow read(String text, String fileName) {
    throw new UnsupportedOperationException("being written");
  }
}
