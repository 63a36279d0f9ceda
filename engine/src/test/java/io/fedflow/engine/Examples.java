package io.fedflow.engine;

import io.fedflow.dag.Workflow;
import io.fedflow.dag.yaml.WorkflowYamlReader;
import java.nio.file.Files;
import java.nio.file.Path;

/** The example workflows of the repository, found by walking up from the module's folder. */
final class Examples {
  private Examples() {}

  static Path file(String name) {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path f = dir.resolve("examples").resolve(name);
      if (Files.isRegularFile(f)) {
        return f;
      }
    }
    throw new AssertionError("no examples/" + name + " above " + Path.of("").toAbsolutePath());
  }

  static Workflow read(String name) {
    return WorkflowYamlReader.read(file(name));
  }
}
