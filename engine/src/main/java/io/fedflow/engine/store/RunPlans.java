package io.fedflow.engine.store;

import io.fedflow.dag.InvalidWorkflowException;
import io.fedflow.dag.Workflow;
import io.fedflow.dag.plan.Plan;
import io.fedflow.dag.yaml.WorkflowFileException;
import io.fedflow.dag.yaml.WorkflowYamlReader;
import io.fedflow.engine.EngineException;
import io.fedflow.engine.RunRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The plans of recorded runs, made again from the workflow and parameters recorded with each run,
 * the last few kept: a run's instances are not stored, its plan names them.
 */
final class RunPlans {
  private static final int KEPT = 4;

  private final Map<String, Positions> kept =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Positions> eldest) {
          return size() > KEPT;
        }
      };

  /** The run's plan if kept, else null. */
  Positions kept(String runId) {
    return kept.get(runId);
  }

  Positions of(RunRecord run) {
    Positions p = kept.get(run.id());
    if (p == null) {
      p = new Positions(plan(run), run.createdAt());
      kept.put(run.id(), p);
    }
    return p;
  }

  Positions keep(RunRecord run, Plan plan) {
    Positions p = new Positions(plan, run.createdAt());
    kept.put(run.id(), p);
    return p;
  }

  /**
   * @throws EngineException when the recorded workflow cannot be planned any more
   */
  private static Plan plan(RunRecord run) {
    String where = "run " + run.id();
    try {
      Workflow wf = WorkflowYamlReader.read(run.workflowYaml(), where);
      return Plan.of(wf, run.params());
    } catch (WorkflowFileException | InvalidWorkflowException e) {
      throw new EngineException(
          where + ": its recorded workflow cannot be run: " + e.getMessage().replace('\n', ' '), e);
    }
  }
}
