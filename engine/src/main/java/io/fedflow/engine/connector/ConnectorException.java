package io.fedflow.engine.connector;

/**
 * A call to a site failed. {@code transientFailure} says whether trying again later may succeed (a
 * timeout, a 503) or not (a rejected job, a bad credential). The message names the command or
 * endpoint, the status and the output.
 */
public class ConnectorException extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean transientFailure;

  public ConnectorException(String message, boolean transientFailure, Throwable cause) {
    super(message, cause);
    this.transientFailure = transientFailure;
  }

  public ConnectorException(String message, boolean transientFailure) {
    this(message, transientFailure, null);
  }

  public boolean isTransient() {
    return transientFailure;
  }
}
