package io.fedflow.engine.run;

import io.fedflow.dag.plan.JobInstance;
import io.fedflow.dag.plan.Plan;
import io.fedflow.dag.plan.PlannedJob;
import io.fedflow.engine.RunRecord;
import io.fedflow.engine.connector.AttemptOutput;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.SiteJob;
import io.fedflow.engine.connector.Submission;
import io.fedflow.engine.store.Attempt;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks the site of an attempt for one of its streams, with the attempt made again as it was
 * submitted, so that the site finds its files where it put them.
 */
public final class SiteOutputs {
  private SiteOutputs() {}

  /**
   * @return empty when the attempt's site is not configured here or keeps no output of its own
   */
  public static Optional<AttemptOutput> ask(
      Sites sites, RunRecord run, Plan plan, Attempt attempt, AttemptOutput.Stream stream)
      throws ConnectorException {
    Site site = attempt.site() == null ? null : sites.get(attempt.site());
    if (site == null) {
      return Optional.empty();
    }
    RunFolder folder = new RunFolder(Path.of(run.runDir()));
    String id = attempt.instanceId();
    Submission s =
        new Submission(
            attempt.token(),
            run.id(),
            id,
            attempt.attempt(),
            () -> instance(plan, id),
            () -> folder.attempt(id, attempt.attempt()),
            folder.work());
    return site.output(new SiteJob(site.name(), attempt.nativeId(), attempt.token()), s, stream);
  }

  private static JobInstance instance(Plan plan, String id) {
    for (PlannedJob job : plan.jobs()) {
      if (!id.startsWith(job.id())) {
        continue;
      }
      if (!job.fansOut() && id.equals(job.id())) {
        return job.instance(0);
      }
      if (job.fansOut() && id.startsWith("[", job.id().length())) {
        for (long i = 0; i < job.size(); i++) {
          if (job.instanceId(i).equals(id)) {
            return job.instance(i);
          }
        }
      }
    }
    throw new IllegalArgumentException("the plan has no instance " + id);
  }
}
