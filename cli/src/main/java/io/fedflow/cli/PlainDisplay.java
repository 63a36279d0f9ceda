package io.fedflow.cli;

import io.fedflow.engine.RunProgress;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Progress as lines, for a log file or a pipe: a line when the counts per state change, at most one
 * every {@link #EVERY}, so that a run of a million jobs does not write a million lines. The last
 * counts are left to the summary that follows.
 *
 * <pre>
 * 0:00:05  3/14 done  3 succeeded, 4 running, 7 waiting
 * </pre>
 */
final class PlainDisplay implements ProgressDisplay {
  static final Duration EVERY = Duration.ofSeconds(5);

  private final PrintWriter out;
  private String printedCounts;
  private Duration printedAt;

  PlainDisplay(PrintWriter out) {
    this.out = out;
  }

  @Override
  public synchronized void progress(RunProgress p) {
    if (p.state().isTerminal()) {
      return;
    }
    String counts = RunWords.counts(p.counts());
    boolean changed = !counts.equals(printedCounts);
    boolean due = printedAt == null || p.elapsed().minus(printedAt).compareTo(EVERY) >= 0;
    if (changed && due) {
      out.println(
          RunWords.elapsed(p.elapsed()) + "  " + p.done() + "/" + p.total() + " done  " + counts);
      out.flush();
      printedCounts = counts;
      printedAt = p.elapsed();
    }
  }

  @Override
  public void close() {
    out.flush();
  }
}
