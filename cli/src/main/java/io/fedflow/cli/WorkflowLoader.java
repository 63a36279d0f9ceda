package io.fedflow.cli;

import io.fedflow.dag.InvalidWorkflowException;
import io.fedflow.dag.Workflow;
import io.fedflow.dag.plan.Plan;
import io.fedflow.dag.yaml.Diagnostic;
import io.fedflow.dag.yaml.WorkflowFileException;
import io.fedflow.dag.yaml.WorkflowYamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a workflow file and plans it, turning each way that can fail into lines for the user. */
final class WorkflowLoader {
  private WorkflowLoader() {}

  /** What came of loading one file. */
  sealed interface Loaded permits Planned, Failed {}

  record Planned(Plan plan) implements Loaded {}

  /** Why the file cannot be used: the exit code and one line per problem, for stderr. */
  record Failed(int exitCode, List<String> messages) implements Loaded {
    Failed {
      messages = List.copyOf(messages);
    }
  }

  static Loaded load(Path file, Map<String, String> params) {
    Optional<String> unreadable = whyUnreadable(file);
    if (unreadable.isPresent()) {
      return new Failed(Exit.UNREADABLE, List.of(file + ": cannot read: " + unreadable.get()));
    }
    Workflow wf;
    try {
      wf = WorkflowYamlReader.read(file);
    } catch (WorkflowFileException e) {
      return new Failed(Exit.INVALID, e.diagnostics().stream().map(Diagnostic::toString).toList());
    }
    try {
      return new Planned(Plan.of(wf, params));
    } catch (InvalidWorkflowException e) {
      // The reader has checked the workflow as written, so these come from --param values, which
      // have no line in the file.
      return new Failed(Exit.INVALID, e.problems().stream().map(p -> file + ": " + p).toList());
    }
  }

  private static Optional<String> whyUnreadable(Path file) {
    if (!Files.exists(file)) {
      return Optional.of("no such file");
    }
    if (Files.isDirectory(file)) {
      return Optional.of("it is a directory");
    }
    if (!Files.isReadable(file)) {
      return Optional.of("permission denied");
    }
    return Optional.empty();
  }
}
