package io.fedflow.dag;

import java.time.Duration;
import java.time.Instant;

/** When a job should be done by: a moment, or a time after its run started. */
public sealed interface Deadline {

  /** Done by this moment (written as an ISO-8601 instant, {@code 2026-12-01T08:00:00Z}). */
  record At(Instant instant) implements Deadline {
    public At {
      Copies.required(instant, "a deadline instant");
    }
  }

  /** Done within this long of the run's start (written as a duration, {@code 12h}). */
  record Within(Duration duration) implements Deadline {
    public Within {
      Copies.required(duration, "a deadline duration");
    }
  }
}
