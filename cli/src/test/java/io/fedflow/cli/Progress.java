package io.fedflow.cli;

import io.fedflow.engine.JobState;
import io.fedflow.engine.RunProgress;
import io.fedflow.engine.RunState;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** RunProgress values for the display tests, as the engine would report them. */
final class Progress {
  private Progress() {}

  /** A running run of {@code total} instances at {@code seconds}; counts as state, n pairs. */
  static RunProgress at(long seconds, long total, List<String> runningNow, Object... counts) {
    return of(RunState.RUNNING, seconds, total, runningNow, counts);
  }

  static RunProgress of(
      RunState state, long seconds, long total, List<String> runningNow, Object... counts) {
    Map<JobState, Long> m = new EnumMap<>(JobState.class);
    for (int i = 0; i < counts.length; i += 2) {
      m.put((JobState) counts[i], ((Number) counts[i + 1]).longValue());
    }
    return new RunProgress(
        "20261125-193201-ab12", state, total, m, runningNow, Duration.ofSeconds(seconds));
  }
}
