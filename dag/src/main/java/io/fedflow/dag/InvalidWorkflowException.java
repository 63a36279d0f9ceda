package io.fedflow.dag;

import java.util.List;
import java.util.stream.Collectors;

/** A workflow that cannot run, with every problem found in it. */
public class InvalidWorkflowException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public InvalidWorkflowException(List<Problem> problems) {
    super(
        problems.size()
            + (problems.size() == 1 ? " problem" : " problems")
            + ":\n"
            + problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }
}
