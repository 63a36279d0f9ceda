package io.fedflow.dag;

/**
 * A file moved before a job starts (an input) or after it ends (an output): JSDL's DataStaging. For
 * an input, {@code source} is a URI or path and {@code target} the name in the job's working
 * directory; for an output, the other way round.
 */
public record StagedFile(String source, String target) {
  public StagedFile {
    Copies.required(source, "a source");
    Copies.required(target, "a target");
  }

  /** A file that keeps its name: the same path on both sides. */
  public static StagedFile same(String path) {
    return new StagedFile(path, path);
  }
}
