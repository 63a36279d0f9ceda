package io.fedflow.dag;

/**
 * One thing wrong with a workflow: where (a field path such as {@code jobs.train.resources.memory}
 * or {@code jobs.merge.needs[1]}), what was expected and what was found. The YAML reader adds the
 * file, line and column.
 */
public record Problem(String path, String expected, String found) {
  public Problem {
    Copies.required(path, "a field path");
    Copies.required(expected, "what was expected");
    Copies.required(found, "what was found");
  }

  /** {@code path: expected X but found Y}. */
  @Override
  public String toString() {
    return path + ": expected " + expected + " but found " + found;
  }
}
