package io.fedflow.engine.core;

/**
 * A job instance was asked to make a step its life cycle does not have: a bug, or a store that
 * disagrees with the engine. The message names the instance, the step and its recent history.
 */
public final class IllegalTransitionException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  IllegalTransitionException(String message) {
    super(message);
  }
}
