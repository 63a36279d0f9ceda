package io.fedflow.cli;

import static io.fedflow.engine.JobState.FAILED;
import static io.fedflow.engine.JobState.QUEUED;
import static io.fedflow.engine.JobState.RETRY_WAIT;
import static io.fedflow.engine.JobState.RUNNING;
import static io.fedflow.engine.JobState.SUCCEEDED;
import static io.fedflow.engine.JobState.WAITING;
import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.engine.RunProgress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import org.junit.jupiter.api.Test;

/** The terminal display: what the line shows, on terminals of a given width. */
class BarDisplayTest {
  private static final List<String> SWEEPS =
      List.of("sweep[lr=0.5,degree=1]", "sweep[lr=0.5,degree=2]", "sweep[lr=0.5,degree=3]");

  private static final RunProgress SWEEPING =
      Progress.at(3, 14, SWEEPS, WAITING, 4, QUEUED, 1, RUNNING, 4, SUCCEEDED, 4, RETRY_WAIT, 1);

  /**
   * The lines the display draws on a terminal {@code width} wide for {@code progress}: the
   * library's first line, the one drawn at once for each report, and the last one on closing.
   */
  private static List<String> frames(int width, RunProgress... progress) {
    List<String> frames = Collections.synchronizedList(new ArrayList<>());
    // A refresh interval of an hour: no line is drawn for the time alone during a test.
    BarDisplay display =
        new BarDisplay(
            "ml-pipeline", new DelegatingProgressBarConsumer(frames::add, width), 3_600_000);
    for (RunProgress p : progress) {
      display.progress(p);
    }
    display.close();
    return List.copyOf(frames);
  }

  @Test
  void aWideTerminalShowsTheBarTheCountsAndTheJobsRunningNow() {
    assertThat(frames(170, SWEEPING))
        .contains(
            "ml-pipeline  28% |████          |  4/14 (0:00:03) 4 waiting, 1 queued, 4 running, 4"
                + " succeeded, 1 retry-wait · now: sweep[lr=0.5,degree=1], sweep[lr=0.5,degree=2],"
                + " +2 more");
  }

  @Test
  void aNarrowerTerminalShowsFewerOfTheJobsRunningNow() {
    assertThat(frames(140, SWEEPING))
        .contains(
            "ml-pipeline  28% |█████████████▍                                 |  4/14 (0:00:03) 4"
                + " waiting, 1 queued, 4 running, 4 succeeded, 1 retry-wait");
    assertThat(frames(160, SWEEPING))
        .contains(
            "ml-pipeline  28% |████████                    |  4/14 (0:00:03) 4 waiting, 1"
                + " queued, 4 running, 4 succeeded, 1 retry-wait · now: sweep[lr=0.5,degree=1],"
                + " +3 more");
  }

  @Test
  void aNarrowTerminalCutsTheCountsButKeepsABar() {
    assertThat(frames(100, SWEEPING))
        .contains(
            "ml-pipeline  28% |██▊       |  4/14 (0:00:03) 4 waiting, 1 queued, 4 running, 4"
                + " succeeded, 1 retry-…");
  }

  @Test
  void theLineFollowsTheRun() {
    RunProgress later = Progress.at(9, 14, List.of("train"), RUNNING, 1, SUCCEEDED, 12, FAILED, 1);

    assertThat(frames(80, SWEEPING, later))
        .endsWith(
            "ml-pipeline  92% |██████████▏| 13/14 (0:00:03) 1 running, 12 succeeded, 1 failed");
  }

  @Test
  void theTextFitsTheRoomLeftBesideTheBar() {
    RunProgress p = Progress.at(1, 100, List.of("a[1]", "a[2]", "a[3]"), RUNNING, 5, WAITING, 95);

    assertThat(BarDisplay.message(p, 60))
        .isEqualTo("95 waiting, 5 running · now: a[1], a[2], a[3], +2 more");
    assertThat(BarDisplay.message(p, 45)).isEqualTo("95 waiting, 5 running · now: a[1], +4 more");
    assertThat(BarDisplay.message(p, 30)).isEqualTo("95 waiting, 5 running");
    assertThat(BarDisplay.message(p, 12)).isEqualTo("95 waiting,…");
    assertThat(BarDisplay.message(p, 0)).isEmpty();
  }
}
