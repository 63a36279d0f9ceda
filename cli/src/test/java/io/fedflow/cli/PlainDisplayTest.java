package io.fedflow.cli;

import static io.fedflow.engine.JobState.FAILED;
import static io.fedflow.engine.JobState.READY;
import static io.fedflow.engine.JobState.RUNNING;
import static io.fedflow.engine.JobState.SKIPPED;
import static io.fedflow.engine.JobState.SUCCEEDED;
import static io.fedflow.engine.JobState.WAITING;
import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.engine.RunProgress;
import io.fedflow.engine.RunState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The display for logs and pipes: a line per change of the counts, not too many. */
class PlainDisplayTest {
  /** The time of a test: it moves when the test says. */
  private static final class TestClock extends Clock {
    private Instant now = Rows.T0;

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this; // the display uses instants only
    }
  }

  private final TestClock clock = new TestClock();
  private final StringWriter text = new StringWriter();
  private final PlainDisplay display = new PlainDisplay(new PrintWriter(text), clock);

  /** The engine reports {@code p} {@code seconds} into the run. */
  private void report(RunProgress p) {
    clock.now = Rows.T0.plus(p.elapsed());
    display.progress(p);
  }

  @Test
  void printsALineWhenTheCountsChangeAtMostEveryFiveSeconds() {
    report(Progress.at(0, 4, List.of(), WAITING, 4));
    report(Progress.at(0, 4, List.of("split"), RUNNING, 1, WAITING, 3));
    report(Progress.at(1, 4, List.of(), SUCCEEDED, 1, READY, 2, WAITING, 1));
    report(Progress.at(5, 4, List.of("upper"), SUCCEEDED, 1, RUNNING, 2, WAITING, 1));
    report(Progress.at(6, 4, List.of("upper"), SUCCEEDED, 2, RUNNING, 1, WAITING, 1));
    report(Progress.at(11, 4, List.of("upper"), SUCCEEDED, 2, RUNNING, 1, WAITING, 1));
    report(Progress.at(12, 4, List.of(), SUCCEEDED, 2, FAILED, 1, SKIPPED, 1));
    report(Progress.of(RunState.FAILED, 12, 4, List.of(), SUCCEEDED, 2, FAILED, 1, SKIPPED, 1));
    display.close();

    assertThat(text.toString())
        .isEqualTo(
            """
            0:00:00  0/4 done  4 waiting
            0:00:05  1/4 done  1 waiting, 2 running, 1 succeeded
            0:00:11  2/4 done  1 waiting, 1 running, 2 succeeded
            """);
  }

  @Test
  void aChangeHeldBackIsPrintedWhenItsTimeComesWithoutANewReport() {
    report(Progress.at(0, 2, List.of("train"), RUNNING, 1, WAITING, 1));
    report(Progress.at(2, 2, List.of("evaluate"), SUCCEEDED, 1, RUNNING, 1));
    clock.now = Rows.T0.plusSeconds(4);
    display.tick();
    clock.now = Rows.T0.plusSeconds(5);
    display.tick();
    display.tick();

    assertThat(text.toString())
        .isEqualTo(
            """
            0:00:00  0/2 done  1 waiting, 1 running
            0:00:02  1/2 done  1 running, 1 succeeded
            """);
  }
}
