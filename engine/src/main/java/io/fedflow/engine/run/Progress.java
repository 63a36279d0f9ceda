package io.fedflow.engine.run;

import io.fedflow.engine.RunListener;
import io.fedflow.engine.RunProgress;
import io.fedflow.engine.core.RunModel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** Tells the listener how the run goes, at most five times a second, and once at the end. */
final class Progress {
  private static final Logger LOG = LogManager.getLogger(Progress.class);
  private static final long EVERY_NANOS = 200_000_000L;
  private static final int RUNNING_SHOWN = 5;

  private final String runId;
  private final Instant createdAt;
  private final Clock clock;
  private final RunListener listener;
  private long last = System.nanoTime() - EVERY_NANOS;

  Progress(String runId, Instant createdAt, Clock clock, RunListener listener) {
    this.runId = runId;
    this.createdAt = createdAt;
    this.clock = clock;
    this.listener = listener;
  }

  /** Reports unless it did less than 200 ms ago; {@code force} reports anyway. */
  void report(RunModel model, boolean force) {
    long now = System.nanoTime();
    if (!force && now - last < EVERY_NANOS) {
      return;
    }
    last = now;
    Duration elapsed = Duration.between(createdAt, clock.instant());
    RunProgress p =
        new RunProgress(
            runId,
            model.state(),
            model.total(),
            model.counts(),
            model.running(RUNNING_SHOWN),
            elapsed.isNegative() ? Duration.ZERO : elapsed);
    try {
      listener.progress(p);
    } catch (RuntimeException e) {
      // A display that fails must not stop the run; what it shows is not the run's state.
      LOG.warn("the progress listener failed", e);
    }
  }
}
