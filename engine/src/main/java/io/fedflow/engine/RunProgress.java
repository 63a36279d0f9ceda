package io.fedflow.engine;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A run at one moment, for a live display: how many instances are in each state, which are running
 * now (at most a few, for the screen), and how long the run has taken.
 */
public record RunProgress(
    String runId,
    RunState state,
    long total,
    Map<JobState, Long> counts,
    List<String> runningNow,
    Duration elapsed) {

  public RunProgress {
    counts = Map.copyOf(counts);
    runningNow = List.copyOf(runningNow);
  }

  /** Instances in a terminal state. */
  public long done() {
    return counts.entrySet().stream()
        .filter(e -> e.getKey().isTerminal())
        .mapToLong(Map.Entry::getValue)
        .sum();
  }
}
