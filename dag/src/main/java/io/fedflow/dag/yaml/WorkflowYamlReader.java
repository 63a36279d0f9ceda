package io.fedflow.dag.yaml;

import io.fedflow.dag.JobSpec;
import io.fedflow.dag.Problem;
import io.fedflow.dag.Workflow;
import io.fedflow.dag.WorkflowValidator;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

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
    Workflow wf = structure(Objects.requireNonNull(text, "text"), findings);
    if (wf != null && !findings.hasErrors()) {
      List<Problem> problems = checks.apply(wf);
      if (!problems.isEmpty()) {
        // The jobs' nodes are gone (see JobByJobComposer): compose the whole tree once more.
        Locations locations = new Locations(YamlTree.compose(text, new Findings(fileName)));
        problems.forEach(p -> findings.locate(p, locations));
      }
    }
    if (findings.hasErrors()) {
      throw new WorkflowFileException(findings.inFileOrder());
    }
    return wf;
  }

  /**
   * The workflow as written, or null when its syntax, fields, types or units are wrong (reported).
   * Its nodes are unreachable once it returns, before the checks of the whole workflow run.
   */
  private static Workflow structure(String text, Findings findings) {
    Map<Node, JobSpec> jobs = new IdentityHashMap<>();
    Node root =
        YamlTree.compose(text, findings, (key, value) -> readJob(findings, jobs, key, value));
    return root == null ? null : WorkflowWalker.read(root, findings, j -> jobs.get(j.key()));
  }

  /** Reads the job written at {@code key}: {@code value} into {@code jobs}; returns a stub. */
  private static Node readJob(Findings findings, Map<Node, JobSpec> jobs, Node key, Node value) {
    if (key instanceof ScalarNode k && !Found.isNothing(key) && !findings.isAlias(key)) {
      String id = k.getValue();
      jobs.put(key, JobReader.job(id, new Field(findings, "jobs." + id, key, value)));
    }
    return new ScalarNode(
        Tag.STR, true, "", ScalarStyle.PLAIN, value.getStartMark(), value.getEndMark());
  }
}
