package io.fedflow.engine.site;

import io.fedflow.engine.EngineException;
import java.util.List;

/**
 * Sites that cannot be used, or a run they cannot take, with every problem, one line each: a sites
 * file's as {@code file:line:column: path: what is wrong}, a job's as {@code job train: site
 * booster: needs ...}.
 */
public class SitesException extends EngineException {
  private static final long serialVersionUID = 1L;
  private final transient List<String> problems;
  private final boolean unreadable;

  public SitesException(List<String> problems) {
    this(problems, false);
  }

  SitesException(List<String> problems, boolean unreadable) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
    this.unreadable = unreadable;
  }

  /** Whether the sites file could not be read at all (missing, a directory, not UTF-8). */
  public boolean unreadable() {
    return unreadable;
  }

  /** One line per problem, in file order. */
  public List<String> problems() {
    return problems;
  }
}
