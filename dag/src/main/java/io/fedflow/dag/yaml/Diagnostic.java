package io.fedflow.dag.yaml;

import io.fedflow.dag.Problem;

/**
 * A problem of a workflow file, where it is: {@code file:line:column: path: expected X but found
 * Y}. Lines and columns count from 1.
 */
public record Diagnostic(String file, int line, int column, Problem problem) {
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + problem;
  }
}
