package io.fedflow.cli;

import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import io.fedflow.engine.RunRecord;
import io.fedflow.engine.RunState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How runs, states, counts and times read in the output of the run commands. */
final class RunWords {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private RunWords() {}

  /** {@code retry-wait}. */
  static String state(JobState state) {
    return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** {@code succeeded}. */
  static String state(RunState state) {
    return state.name().toLowerCase(Locale.ROOT);
  }

  /**
   * {@code 3 succeeded, 1 running, 5 waiting}: the states that have instances, in the order of the
   * life cycle ({@link JobState}'s order); {@code no jobs} when there are none.
   */
  static String counts(Map<JobState, Long> counts) {
    List<String> parts = new ArrayList<>();
    for (JobState s : JobState.values()) {
      long n = counts.getOrDefault(s, 0L);
      if (n > 0) {
        parts.add(n + " " + state(s));
      }
    }
    return parts.isEmpty() ? "no jobs" : String.join(", ", parts);
  }

  static Map<JobState, Long> countsOf(List<JobRow> jobs) {
    Map<JobState, Long> counts = new EnumMap<>(JobState.class);
    jobs.forEach(j -> counts.merge(j.state(), 1L, Long::sum));
    return counts;
  }

  /** {@code 0:00:03}, {@code 12:04:59}: hours, minutes, seconds, as the progress bar shows it. */
  static String elapsed(Duration d) {
    long s = Math.max(0, d.getSeconds());
    return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
  }

  /** How long the run took, or has taken so far. */
  static Duration elapsed(RunRecord run, Instant now) {
    return Duration.between(run.createdAt(), run.endedAt() == null ? now : run.endedAt());
  }

  /** {@code 19:32:01} today, {@code 2026-11-24 19:32} on another day, {@code -} never. */
  static String when(Instant t, Instant now, ZoneId zone) {
    if (t == null) {
      return "-";
    }
    boolean today = LocalDate.ofInstant(t, zone).equals(LocalDate.ofInstant(now, zone));
    return (today ? TIME : DATE_TIME).format(t.atZone(zone));
  }

  /** {@code 2026-11-24 19:32}. */
  static String date(Instant t, ZoneId zone) {
    return DATE_TIME.format(t.atZone(zone));
  }

  /**
   * The run in one line: {@code run 20261125-193201-ab12 (ml-pipeline) failed after 0:00:05: 1
   * succeeded, 1 failed, 2 skipped}.
   */
  static String headline(RunRecord run, Map<JobState, Long> counts, Instant now) {
    String how = run.state() == RunState.RUNNING ? "running for " : state(run.state()) + " after ";
    return "run "
        + run.id()
        + " ("
        + run.workflowName()
        + ") "
        + how
        + elapsed(elapsed(run, now))
        + ": "
        + counts(counts);
  }
}
