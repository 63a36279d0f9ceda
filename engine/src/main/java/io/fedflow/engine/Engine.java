package io.fedflow.engine;

import io.fedflow.dag.Workflow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the CLI and other front ends call: submit a workflow as a run, follow a run to its end,
 * cancel, resume, list and inspect runs. State lives in an embedded H2 database under {@link
 * EngineConfig#home()}; every change is committed before it takes effect outside, so a process
 * killed at any moment loses nothing and {@link #follow} on the same run picks it up.
 */
public final class Engine implements AutoCloseable {

  /**
   * Opens (creating if needed) the engine's home and database.
   *
   * @throws EngineException with a one-line message when the database is locked or corrupt
   */
  public static Engine open(EngineConfig config) {
    throw new UnsupportedOperationException("being written");
  }

  /**
   * Records a new run of {@code workflow} with these parameter overrides, every job waiting; does
   * not start it.
   *
   * @param workflowFile the file it was read from, for people; null from the DSL
   * @throws io.fedflow.dag.InvalidWorkflowException when the overrides make it invalid
   */
  public RunRecord submit(Workflow workflow, String workflowFile, Map<String, String> params) {
    throw new UnsupportedOperationException("being written");
  }

  /**
   * Drives the run to its end in this process and returns its final state; resumes it if it was
   * started before. Holds the run's lock meanwhile.
   *
   * @throws EngineException when another process follows the run, or the run does not exist
   */
  public RunState follow(String runId, RunListener listener) {
    throw new UnsupportedOperationException("being written");
  }

  /**
   * Asks for the run to be cancelled: recorded at once; the process following the run cancels its
   * jobs at their sites (if none follows it, the next {@link #follow} does).
   */
  public void cancel(String runId) {
    throw new UnsupportedOperationException("being written");
  }

  /** Every run, newest first. */
  public List<RunRecord> runs() {
    throw new UnsupportedOperationException("being written");
  }

  public Optional<RunRecord> run(String runId) {
    throw new UnsupportedOperationException("being written");
  }

  /** The run's jobs, in plan order. */
  public List<JobRow> jobs(String runId) {
    throw new UnsupportedOperationException("being written");
  }

  /** The runs that are not finished and that no process follows now. */
  public List<RunRecord> orphanedRuns() {
    throw new UnsupportedOperationException("being written");
  }

  /** The file of one stream ({@code stdout} or {@code stderr}) of one attempt of one job. */
  public Path logFile(String runId, String instanceId, int attempt, String stream) {
    throw new UnsupportedOperationException("being written");
  }

  @Override
  public void close() {}
}
