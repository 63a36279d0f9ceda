package io.fedflow.engine;

/** A run as a whole: running until every job is terminal, then the outcome of its jobs. */
public enum RunState {
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED;

  public boolean isTerminal() {
    return this != RUNNING;
  }
}
