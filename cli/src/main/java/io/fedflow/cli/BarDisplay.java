package io.fedflow.cli;

import io.fedflow.engine.JobState;
import io.fedflow.engine.RunProgress;
import java.util.List;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress on a terminal: one line redrawn in place by the progress bar library, which also keeps
 * the elapsed time ticking between the engine's reports and fits the line to the terminal's width.
 *
 * <pre>
 * ml-pipeline  28% |████          |  4/14 (0:00:03) 9 waiting, 1 running, 4 succeeded · now: select
 * </pre>
 *
 * The text after the bar is ours: the counts per state, then as many of the jobs running now as
 * fit, leaving the bar at least {@link #MIN_BAR} columns.
 */
final class BarDisplay implements ProgressDisplay {
  /** How often the line is redrawn, so that the elapsed time moves on: a few times a second. */
  static final int REFRESH_MILLIS = 250;

  static final int MIN_BAR = 10;

  private final String task;
  private final ProgressBarConsumer consumer;
  private final int refreshMillis;
  private ProgressBar bar;
  private boolean closed;

  /**
   * @param task the name before the bar: the workflow's
   * @param consumer where the lines go, and how wide they may be
   */
  BarDisplay(String task, ProgressBarConsumer consumer, int refreshMillis) {
    this.task = task;
    this.consumer = consumer;
    this.refreshMillis = refreshMillis;
  }

  @Override
  public synchronized void progress(RunProgress p) {
    if (closed) {
      return;
    }
    if (bar == null) {
      bar =
          new ProgressBarBuilder()
              .setTaskName(task)
              .setInitialMax(p.total())
              .setStyle(ProgressBarStyle.UNICODE_BLOCK)
              .setConsumer(consumer)
              .setUpdateIntervalMillis(refreshMillis)
              .continuousUpdate() // redraw even when no job ended, for the time to move on
              .hideEta() // jobs differ too much in length for an honest estimate
              .startsFrom(p.done(), p.elapsed())
              .build();
    }
    bar.maxHint(p.total());
    bar.stepTo(p.done());
    bar.setExtraMessage(message(p, room(task, p.total(), consumer.getMaxRenderedLength())));
    bar.refresh(); // show a change at once rather than at the next tick
  }

  @Override
  public synchronized void close() {
    if (!closed && bar != null) {
      bar.close(); // draws the line a last time and ends it
    }
    closed = true;
  }

  /**
   * The columns left for our text on a line {@code width} wide: the library draws {@code task 28%
   * |} before the bar and {@code | 4/14 (0:00:03) } after it.
   */
  static int room(String task, long total, int width) {
    int digits = Long.toString(total).length();
    int beforeBar = task.length() + " 100% |".length();
    int afterBar = "| ".length() + 2 * digits + 1 + " (0:00:00) ".length();
    return width - beforeBar - afterBar - MIN_BAR;
  }

  /**
   * {@code 3 succeeded, 2 running, 5 waiting · now: sweep[lr=0.5,degree=1], +1 more} in at most
   * {@code room} characters: the counts first, cut with {@code …} if they do not fit, then as many
   * of the jobs running now as fit.
   */
  static String message(RunProgress p, int room) {
    String counts = RunWords.counts(p.counts());
    if (counts.length() > room) {
      return room <= 1 ? "" : counts.substring(0, room - 1) + "…";
    }
    List<String> ids = p.runningNow();
    long running = p.counts().getOrDefault(JobState.RUNNING, 0L);
    for (int shown = ids.size(); shown > 0; shown--) {
      long more = Math.max(running, ids.size()) - shown;
      String line =
          counts
              + " · now: "
              + String.join(", ", ids.subList(0, shown))
              + (more > 0 ? ", +" + more + " more" : "");
      if (line.length() <= room) {
        return line;
      }
    }
    return counts;
  }
}
