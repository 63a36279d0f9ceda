package io.fedflow.cli;

import io.fedflow.engine.RunProgress;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Progress as lines, for a log file or a pipe: a line when the counts per state change, at most one
 * every {@link #EVERY}, so that a run of a million jobs does not write a million lines. A change
 * held back is printed when its time comes, even if the engine reports nothing new meanwhile (a
 * long job). The last counts are left to the summary that follows.
 *
 * <pre>
 * 0:00:05  3/14 done  7 waiting, 4 running, 3 succeeded
 * </pre>
 */
final class PlainDisplay implements ProgressDisplay {
  static final Duration EVERY = Duration.ofSeconds(5);

  private final PrintWriter out;
  private final Clock clock;
  private final ScheduledExecutorService timer;
  private RunProgress latest;
  private String printedCounts;
  private Instant printedAt;

  /**
   * A display that prints only when told of progress or {@link #tick()}ed: for tests, with a clock
   * they move.
   */
  PlainDisplay(PrintWriter out, Clock clock) {
    this(out, clock, null);
  }

  private PlainDisplay(PrintWriter out, Clock clock, ScheduledExecutorService timer) {
    this.out = out;
    this.clock = clock;
    this.timer = timer;
  }

  /** A display that also looks every second for a change held back. */
  static PlainDisplay started(PrintWriter out) {
    ScheduledExecutorService timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "fedflow-plain-progress");
              t.setDaemon(true);
              return t;
            });
    PlainDisplay display = new PlainDisplay(out, Clock.systemUTC(), timer);
    timer.scheduleWithFixedDelay(display::tick, 1, 1, TimeUnit.SECONDS);
    return display;
  }

  @Override
  public synchronized void progress(RunProgress p) {
    latest = p;
    tick();
  }

  /** Prints the latest progress if its counts are new and the last line is old enough. */
  synchronized void tick() {
    if (latest == null || latest.state().isTerminal()) {
      return;
    }
    String counts = RunWords.counts(latest.counts());
    Instant now = clock.instant();
    boolean changed = !counts.equals(printedCounts);
    boolean due = printedAt == null || !now.isBefore(printedAt.plus(EVERY));
    if (changed && due) {
      out.println(
          RunWords.elapsed(latest.elapsed())
              + "  "
              + latest.done()
              + "/"
              + latest.total()
              + " done  "
              + counts);
      out.flush();
      printedCounts = counts;
      printedAt = now;
    }
  }

  @Override
  public synchronized void close() {
    if (timer != null) {
      timer.shutdownNow();
    }
    latest = null;
    out.flush();
  }
}
