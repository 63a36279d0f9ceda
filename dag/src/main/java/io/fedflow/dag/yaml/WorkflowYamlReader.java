package io.fedflow.dag.yaml;

import io.fedflow.dag.Problem;
import io.fedflow.dag.Workflow;
import io.fedflow.dag.WorkflowValidator;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Reads a workflow from YAML (format version 1), checking all of it. Every problem of a file is
 * reported at once, in file order, as {@code file:line:column: path: expected X but found Y}.
 *
 * <p>The file is read in two steps: its structure (YAML syntax, fields, types, units), then, when
 * that is sound, the workflow as a whole ({@link WorkflowValidator}: ids, dependencies, cycles,
 * templates). The second step needs a complete model, so a file with problems of the first kind
 * reports only those.
 */
public final class WorkflowYamlReader {
  private WorkflowYamlReader() {}

  /**
   * Reads and checks the workflow in {@code file}.
   *
   * @throws WorkflowFileException with every problem of the file (an unreadable file included)
   */
  public static Workflow read(Path file) {
    return read(FileText.read(file), file.toString());
  }

  /**
   * Reads and checks a workflow from text; {@code fileName} is used in the diagnostics.
   *
   * @throws WorkflowFileException with every problem of the text
   */
  public static Workflow read(String text, String fileName) {
    return read(text, fileName, WorkflowValidator::problems);
  }

  /** As {@link #read(String, String)}, with the whole-workflow checks given. */
  static Workflow read(String text, String fileName, Function<Workflow, List<Problem>> checks) {
    Findings findings = new Findings(Objects.requireNonNull(fileName, "fileName"));
    Node root = YamlTree.compose(Objects.requireNonNull(text, "text"), findings);
    Workflow wf = root == null ? null : WorkflowWalker.read(root, findings);
    if (wf != null && !findings.hasErrors()) {
      List<Problem> problems = checks.apply(wf);
      if (!problems.isEmpty()) {
        Locations locations = new Locations(root);
        problems.forEach(p -> findings.locate(p, locations));
      }
    }
    if (findings.hasErrors()) {
      throw new WorkflowFileException(findings.inFileOrder());
    }
    return wf;
  }
}
