package io.fedflow.dag.yaml;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The workflows users read first: every file of {@code examples/} and every {@code ```yaml} block
 * of {@code docs/workflow-yaml.md}. Tests check that each is valid for the schema and the reader.
 */
final class WorkflowDocuments {
  static final String SCHEMA = "docs/workflow-v1.schema.json";
  static final String FORMAT_DOC = "docs/workflow-yaml.md";

  /** A workflow's text and where it comes from: a file, or a block of the format doc. */
  record Document(String name, Path file, String text) {
    @Override
    public String toString() {
      return name;
    }
  }

  private WorkflowDocuments() {}

  /**
   * The repository root: the nearest folder up from here holding the schema (tests run in dag/).
   */
  static Path root() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isRegularFile(p.resolve(SCHEMA))) {
        return p;
      }
    }
    throw new IllegalStateException("no " + SCHEMA + " above " + Path.of("").toAbsolutePath());
  }

  static Path file(String relative) {
    return root().resolve(relative);
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every {@code examples/*.yaml}, by name. */
  static List<Document> examples() {
    try (Stream<Path> files = Files.list(file("examples"))) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".yaml"))
          .sorted()
          .map(f -> new Document("examples/" + f.getFileName(), f, read(f)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every block fenced with {@code ```yaml} in the format doc, named by its first line number.
   * Blocks that are not whole workflows are fenced {@code ```yaml-fragment} and left out.
   */
  static List<Document> docBlocks() {
    Path doc = file(FORMAT_DOC);
    List<String> lines = read(doc).lines().toList();
    List<Document> blocks = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).strip().equals("```yaml")) {
        continue;
      }
      int start = i + 1;
      StringBuilder text = new StringBuilder();
      for (i = start; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
        text.append(lines.get(i)).append('\n');
      }
      blocks.add(new Document(FORMAT_DOC + ":" + (start + 1), doc, text.toString()));
    }
    return blocks;
  }

  static List<Document> all() {
    List<Document> all = new ArrayList<>(examples());
    all.addAll(docBlocks());
    return all;
  }
}
