package io.fedflow.engine.connector;

import io.fedflow.dag.plan.JobInstance;
import java.nio.file.Path;

/**
 * One attempt of one job instance to run at a site.
 *
 * @param token unique per attempt, recorded before the site is called; the key of idempotence
 * @param runId the run the job belongs to
 * @param instance the job instance with defaults applied and templates rendered
 * @param attempt 1 for the first try
 * @param attemptDir a local folder for this attempt's files (stdout, stderr, exit code, launcher)
 * @param workdir the job's working directory when the job does not set one (the run's folder)
 */
public record Submission(
    String token, String runId, JobInstance instance, int attempt, Path attemptDir, Path workdir) {}
