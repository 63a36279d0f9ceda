package io.fedflow.dag;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks a workflow as a whole, whichever way it was written: ids, dependencies, cycles, fan-outs,
 * templates. Returns every problem at once, each with its field path.
 */
public final class WorkflowValidator {
  private WorkflowValidator() {}

  /** Every problem of {@code wf}, in the order its fields are written; empty when it is valid. */
  public static List<Problem> problems(Workflow wf) {
    List<Problem> out = new ArrayList<>();
    // TODO(plan helper): fill in.
    return out;
  }
}
