package io.fedflow.dag.yaml;

import java.util.List;
import java.util.stream.Collectors;

/** A workflow file that cannot be read, with every problem found in it, in file order. */
public class WorkflowFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Diagnostic> diagnostics;

  public WorkflowFileException(List<Diagnostic> diagnostics) {
    super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
