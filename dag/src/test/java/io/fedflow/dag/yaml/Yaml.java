package io.fedflow.dag.yaml;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

/** Reads test text and returns its diagnostics as the lines a user sees. */
final class Yaml {
  private Yaml() {}

  static List<String> errors(String text) {
    WorkflowFileException e =
        catchThrowableOfType(
            WorkflowFileException.class, () -> WorkflowYamlReader.read(text, "wf.yaml"));
    if (e == null) {
      throw new AssertionError("expected the text to have errors, but it was read:\n" + text);
    }
    return e.diagnostics().stream().map(Diagnostic::toString).toList();
  }

  /** A valid workflow whose job {@code a} has these extra lines (indented under the job). */
  static String job(String lines) {
    StringBuilder out = new StringBuilder("version: 1\nname: t\njobs:\n  a:\n");
    for (String line : lines.split("\n", -1)) {
      if (!line.isEmpty()) {
        out.append("    ").append(line).append('\n');
      }
    }
    return out.toString();
  }
}
