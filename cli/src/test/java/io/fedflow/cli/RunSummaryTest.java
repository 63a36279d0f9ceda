package io.fedflow.cli;

import static io.fedflow.cli.Rows.T0;
import static io.fedflow.engine.JobState.FAILED;
import static io.fedflow.engine.JobState.SUCCEEDED;
import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.engine.JobRow;
import io.fedflow.engine.RunRecord;
import io.fedflow.engine.RunState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What run and resume print when the run has ended. */
class RunSummaryTest {
  private static final String ID = "20261125-193201-ab12";

  private static List<String> summary(RunRecord run, List<JobRow> jobs) {
    return RunSummary.lines(
        run,
        jobs,
        j ->
            Path.of(
                run.runDir(), "attempts", j.instanceId(), Integer.toString(j.attempt()), "stderr"),
        T0.plusSeconds(3600));
  }

  @Test
  void aRunThatSucceededSaysSoAndWhereItsLogIs() {
    RunRecord run = Rows.run(ID, "diamond", RunState.SUCCEEDED, T0, T0.plusSeconds(65));
    List<JobRow> jobs =
        List.of(
            Rows.ran("split", SUCCEEDED, 1, 0, 0, 1),
            Rows.ran("upper", SUCCEEDED, 1, 0, 1, 2),
            Rows.ran("lower", SUCCEEDED, 1, 0, 1, 2),
            Rows.ran("join", SUCCEEDED, 1, 0, 2, 3));

    assertThat(summary(run, jobs))
        .containsExactly(
            "run 20261125-193201-ab12 (diamond) succeeded after 0:01:05: 4 succeeded",
            "logs: /home/ada/.fedflow/runs/20261125-193201-ab12/fedflow.log");
  }

  @Test
  void aRunThatFailedNamesTheFailedJobsTheirExitCodesAndErrorOutput() {
    RunRecord run = Rows.run(ID, "diamond", RunState.FAILED, T0, T0.plusSeconds(2));
    List<JobRow> jobs =
        List.of(
            Rows.ran("split", SUCCEEDED, 1, 0, 0, 1),
            Rows.ran("upper", FAILED, 3, 2, 1, 2),
            Rows.ran("lower", SUCCEEDED, 1, 0, 1, 2),
            Rows.skipped("join"));

    assertThat(summary(run, jobs))
        .containsExactly(
            "run 20261125-193201-ab12 (diamond) failed after 0:00:02: 2 succeeded, 1 failed, 1"
                + " skipped",
            "failed: upper, exit code 2, its error output in"
                + " /home/ada/.fedflow/runs/20261125-193201-ab12/attempts/upper/3/stderr",
            "see a job's output with: fedflow logs 20261125-193201-ab12 JOB [--stderr]",
            "logs: /home/ada/.fedflow/runs/20261125-193201-ab12/fedflow.log");
  }

  @Test
  void manyFailedJobsAreCountedBeyondTheFirstTen() {
    RunRecord run = Rows.run(ID, "campaign", RunState.FAILED, T0, T0.plusSeconds(40));
    List<JobRow> jobs = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      jobs.add(Rows.ran(String.format("simulate[%02d]", i), FAILED, 1, 137, 0, 40));
    }

    List<String> lines = summary(run, jobs);

    assertThat(lines).hasSize(1 + 10 + 1 + 1 + 1);
    assertThat(lines.get(10))
        .isEqualTo(
            "failed: simulate[09], exit code 137, its error output in"
                + " /home/ada/.fedflow/runs/20261125-193201-ab12/attempts/simulate[09]/1/stderr");
    assertThat(lines.get(11))
        .isEqualTo("failed: 15 more (fedflow status 20261125-193201-ab12 --all lists them)");
  }
}
