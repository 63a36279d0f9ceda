package io.fedflow.cli;

import static io.fedflow.cli.Rows.T0;
import static io.fedflow.engine.JobState.FAILED;
import static io.fedflow.engine.JobState.RETRY_WAIT;
import static io.fedflow.engine.JobState.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import io.fedflow.engine.RunRecord;
import io.fedflow.engine.RunState;
import io.fedflow.engine.RunUsage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The tables of fedflow runs and fedflow status, from stored runs and rows. */
class RunTablesTest {
  private static final Instant NOW = T0.plusSeconds(300);

  private static String printed(Consumer<PrintWriter> print) {
    StringWriter text = new StringWriter();
    PrintWriter out = new PrintWriter(text);
    print.accept(out);
    out.flush();
    return text.toString();
  }

  @Test
  void runsShowsEachRunsStateTimesAndJobsDone() {
    List<RunRecord> runs =
        List.of(
            Rows.run("20261125-193201-ab12", "ml-pipeline", RunState.RUNNING, T0, null),
            Rows.run(
                "20261124-101500-0f3c",
                "diamond",
                RunState.FAILED,
                Instant.parse("2026-11-24T10:15:00Z"),
                Instant.parse("2026-11-24T10:15:04Z")));
    Map<String, Map<JobState, Long>> counts =
        Map.of(
            "20261125-193201-ab12",
            Map.of(JobState.SUCCEEDED, 5L, JobState.RUNNING, 2L, JobState.WAITING, 7L),
            "20261124-101500-0f3c",
            Map.of(JobState.SUCCEEDED, 2L, JobState.FAILED, 1L, JobState.SKIPPED, 1L));

    assertThat(printed(out -> RunsTable.print(runs, counts, NOW, ZoneOffset.UTC, out)))
        .isEqualTo(
            """
            RUN                   WORKFLOW     STATE    CREATED           ELAPSED  DONE
            20261125-193201-ab12  ml-pipeline  running  2026-11-25 19:32  0:05:00  5/14
            20261124-101500-0f3c  diamond      failed   2026-11-24 10:15  0:00:04   4/4
            """);
  }

  @Test
  void statusShowsEachInstanceWithItsSiteAttemptsTimesAndExitCode() {
    List<JobRow> jobs =
        List.of(
            Rows.ran("split", SUCCEEDED, 1, 0, 0, 1),
            Rows.ran("upper", FAILED, 3, 2, 1, 9),
            Rows.running("lower", 1),
            Rows.waiting("join"));

    assertThat(printed(out -> StatusTable.print(jobs, false, NOW, ZoneOffset.UTC, out)))
        .isEqualTo(
            """
            INSTANCE  STATE      SITE   ATTEMPTS   STARTED     ENDED  EXIT
            split     succeeded  local         1  19:32:01  19:32:02     0
            upper     failed     local         3  19:32:02  19:32:10     2
            lower     running    local         1  19:32:02         -     -
            join      waiting    -             0         -         -     -
            """);
  }

  @Test
  void statusShowsTheEnergyAndBillingASiteToldAndTheRunsTotal() {
    List<JobRow> jobs =
        List.of(
            Rows.measured(Rows.ran("split", SUCCEEDED, 1, 0, 0, 1), 12_345L, 4.0),
            Rows.measured(Rows.ran("upper", FAILED, 1, 2, 1, 9), null, 2.5),
            Rows.running("lower", 1));

    assertThat(printed(out -> StatusTable.print(jobs, false, NOW, ZoneOffset.UTC, out)))
        .isEqualTo(
            """
            INSTANCE  STATE      SITE   ATTEMPTS   STARTED     ENDED  EXIT   ENERGY  BILLING
            split     succeeded  lab22         1  19:32:01  19:32:02     0  12.3 kJ        4
            upper     failed     lab22         1  19:32:02  19:32:10     2        -      2.5
            lower     running    local         1  19:32:02         -     -        -        -
            """);
    assertThat(UsageWords.total(new RunUsage(1, 12_345, 2, 4.0 / 3600 + 2.5 * 8 / 3600)))
        .isEqualTo(
            "Measured by the sites: 12.3 kJ over 1 attempt; billed 0.00667 billing-hours over 2"
                + " attempts (billing × hours run).");
    assertThat(UsageWords.total(new RunUsage(0, 0, 1, 2)))
        .isEqualTo(
            "Measured by the sites: no energy; billed 2 billing-hours over 1 attempt (billing ×"
                + " hours run).");
    assertThat(UsageWords.energy(850L)).isEqualTo("850 J");
    assertThat(UsageWords.energy(1_500_000L)).isEqualTo("1.5 MJ");
  }

  @Test
  void statusSummarisesABigFanOutUnlessAllAreAsked() {
    List<JobRow> jobs = new ArrayList<>();
    jobs.add(Rows.ran("prepare", SUCCEEDED, 1, 0, 0, 1));
    for (int i = 0; i < 12; i++) {
      String id = String.format("simulate[%02d]", i);
      jobs.add(
          i < 9
              ? Rows.ran(id, SUCCEEDED, 1, 0, 1, 2 + i)
              : i < 11 ? Rows.running(id, 2 + i) : Rows.ran(id, RETRY_WAIT, 2, 1, 3, 4));
    }
    jobs.add(Rows.waiting("merge"));

    assertThat(printed(out -> StatusTable.print(jobs, false, NOW, ZoneOffset.UTC, out)))
        .isEqualTo(
            """
            INSTANCE      STATE                                 SITE   ATTEMPTS   STARTED     ENDED  EXIT
            prepare       succeeded                             local         1  19:32:01  19:32:02     0
            simulate ×12  2 running, 9 succeeded, 1 retry-wait  local        13  19:32:02         -     -
            merge         waiting                               -             0         -         -     -
            One row for each job of more than 10 instances (simulate): --all lists every instance.
            """);
    assertThat(printed(out -> StatusTable.print(jobs, true, NOW, ZoneOffset.UTC, out)))
        .contains("simulate[11]  retry-wait  local         2  19:32:04  19:32:05     1\n")
        .doesNotContain("×12");
  }

  @Test
  void timesOfAnotherDayShowTheDate() {
    assertThat(RunWords.when(T0, T0.plusSeconds(86_400), ZoneOffset.UTC))
        .isEqualTo("2026-11-25 19:32");
    assertThat(RunWords.when(T0, T0.plusSeconds(60), ZoneOffset.UTC)).isEqualTo("19:32:01");
    assertThat(RunWords.elapsed(java.time.Duration.ofSeconds(2 * 3600 + 61))).isEqualTo("2:01:01");
  }
}
