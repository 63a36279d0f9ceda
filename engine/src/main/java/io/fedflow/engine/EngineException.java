package io.fedflow.engine;

/**
 * Something the user must act on, in one line: a run that does not exist, a database that is locked
 * by another process or corrupt. Shown as it is, never with a stack trace.
 */
public class EngineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public EngineException(String message) {
    super(message);
  }

  public EngineException(String message, Throwable cause) {
    super(message, cause);
  }
}
