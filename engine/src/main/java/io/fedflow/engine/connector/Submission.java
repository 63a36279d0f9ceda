package io.fedflow.engine.connector;

import io.fedflow.dag.plan.JobInstance;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One attempt of one job instance to run at a site. The instance's templates and the attempt's
 * folder are worked out when a connector first asks for them: a site that needs neither (the memory
 * site) never pays for them.
 */
public final class Submission {
  private final String token;
  private final String runId;
  private final String instanceId;
  private final int attempt;
  private final Path workdir;
  private Supplier<JobInstance> render;
  private Supplier<Path> folder;
  private JobInstance instance;
  private Path attemptDir;

  /**
   * @param token unique per attempt, recorded before the site is called; the key of idempotence
   * @param runId the run the job belongs to
   * @param instance the job instance with defaults applied and templates rendered
   * @param attempt 1 for the first try
   * @param attemptDir a local folder for this attempt's files (stdout, stderr, exit code, launcher)
   * @param workdir the job's working directory when the job does not set one (the run's folder)
   */
  public Submission(
      String token,
      String runId,
      JobInstance instance,
      int attempt,
      Path attemptDir,
      Path workdir) {
    this(token, runId, instance.id(), attempt, () -> instance, () -> attemptDir, workdir);
  }

  /**
   * @param render makes the instance with its templates rendered, when first asked
   * @param folder makes the attempt's folder, when first asked
   */
  public Submission(
      String token,
      String runId,
      String instanceId,
      int attempt,
      Supplier<JobInstance> render,
      Supplier<Path> folder,
      Path workdir) {
    this.token = Objects.requireNonNull(token);
    this.runId = runId;
    this.instanceId = instanceId;
    this.attempt = attempt;
    this.render = render;
    this.folder = folder;
    this.workdir = workdir;
  }

  /** Unique per attempt, recorded before the site is called; the key of idempotence. */
  public String token() {
    return token;
  }

  public String runId() {
    return runId;
  }

  /** The instance's id, such as {@code simulate[017]}, without rendering it. */
  public String instanceId() {
    return instanceId;
  }

  /** The job instance with defaults applied and templates rendered. */
  public JobInstance instance() {
    if (instance == null) {
      instance = render.get();
      render = null;
    }
    return instance;
  }

  /** 1 for the first try. */
  public int attempt() {
    return attempt;
  }

  /** A local folder for this attempt's files (stdout, stderr, exit code, launcher). */
  public Path attemptDir() {
    if (attemptDir == null) {
      attemptDir = folder.get();
      folder = null;
    }
    return attemptDir;
  }

  /** The job's working directory when the job does not set one (the run's folder). */
  public Path workdir() {
    return workdir;
  }

  @Override
  public String toString() {
    return "Submission[" + token + ", " + instanceId + ", attempt " + attempt + "]";
  }
}
