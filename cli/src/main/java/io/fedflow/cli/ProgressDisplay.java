package io.fedflow.cli;

import io.fedflow.engine.RunListener;
import io.fedflow.engine.RunProgress;

/** What shows a run's progress while the engine follows it: a bar, lines, or nothing. */
interface ProgressDisplay extends RunListener {
  /** Ends the display, leaving the cursor at the start of a fresh line; idempotent. */
  void close();

  /** Shows nothing: {@code --quiet}. */
  ProgressDisplay NONE =
      new ProgressDisplay() {
        @Override
        public void progress(RunProgress progress) {}

        @Override
        public void close() {}
      };
}
