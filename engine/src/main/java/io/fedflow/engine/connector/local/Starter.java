package io.fedflow.engine.connector.local;

import java.io.IOException;
import java.util.Collection;

/**
 * Starts job processes, each in a session and process group of its own so that it outlives the
 * engine, and signals those groups. Two ways: {@link Spawner}, one long-lived process per engine
 * that forks the jobs (the default), and {@link Launcher}, one short shell script per job (when
 * perl is missing, or chosen with the site's {@code launcher} setting).
 */
interface Starter extends AutoCloseable {

  /**
   * Starts a job, or hands it over to be started: a failure to open its files or run its program
   * may show only in its exit code and stderr.
   *
   * @throws IOException when no process can be started now
   * @throws IllegalArgumentException when this job's process can never start (a bad variable name)
   */
  Started start(ProcessPlan plan) throws IOException;

  /** Sends {@code signal} (TERM, KILL) to process groups; a group gone already is no error. */
  void signal(String signal, Collection<Long> groups);

  /** Calls {@code news} whenever a job this starter started ends; called from another thread. */
  default void onNews(Runnable news) {}

  /** The jobs already started run on: they outlive the engine by design. */
  @Override
  void close();
}
