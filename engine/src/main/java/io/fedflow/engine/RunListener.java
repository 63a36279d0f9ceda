package io.fedflow.engine;

/** Told of a run's progress while an engine follows it, at most a few times a second. */
@FunctionalInterface
public interface RunListener {
  void progress(RunProgress progress);
}
