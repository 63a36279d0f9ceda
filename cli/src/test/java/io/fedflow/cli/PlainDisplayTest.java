package io.fedflow.cli;

import static io.fedflow.engine.JobState.FAILED;
import static io.fedflow.engine.JobState.READY;
import static io.fedflow.engine.JobState.RUNNING;
import static io.fedflow.engine.JobState.SKIPPED;
import static io.fedflow.engine.JobState.SUCCEEDED;
import static io.fedflow.engine.JobState.WAITING;
import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.engine.RunState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The display for logs and pipes: a line per change of the counts, not too many. */
class PlainDisplayTest {
  @Test
  void printsALineWhenTheCountsChangeAtMostEveryFiveSeconds() {
    StringWriter text = new StringWriter();
    PlainDisplay display = new PlainDisplay(new PrintWriter(text));

    display.progress(Progress.at(0, 4, List.of(), WAITING, 4));
    display.progress(Progress.at(0, 4, List.of("split"), RUNNING, 1, WAITING, 3));
    display.progress(Progress.at(1, 4, List.of(), SUCCEEDED, 1, READY, 2, WAITING, 1));
    display.progress(Progress.at(5, 4, List.of("upper"), SUCCEEDED, 1, RUNNING, 2, WAITING, 1));
    display.progress(Progress.at(6, 4, List.of("upper"), SUCCEEDED, 2, RUNNING, 1, WAITING, 1));
    display.progress(Progress.at(9, 4, List.of("upper"), SUCCEEDED, 2, RUNNING, 1, WAITING, 1));
    display.progress(Progress.at(11, 4, List.of("upper"), SUCCEEDED, 2, RUNNING, 1, WAITING, 1));
    display.progress(Progress.at(12, 4, List.of(), SUCCEEDED, 2, FAILED, 1, SKIPPED, 1));
    display.progress(
        Progress.of(RunState.FAILED, 12, 4, List.of(), SUCCEEDED, 2, FAILED, 1, SKIPPED, 1));
    display.close();

    assertThat(text.toString())
        .isEqualTo(
            """
            0:00:00  0/4 done  4 waiting
            0:00:05  1/4 done  1 waiting, 2 running, 1 succeeded
            0:00:11  2/4 done  1 waiting, 1 running, 2 succeeded
            """);
  }
}
