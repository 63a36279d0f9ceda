package io.fedflow.engine.core;

import static io.fedflow.engine.JobState.QUEUED;
import static io.fedflow.engine.JobState.READY;
import static io.fedflow.engine.JobState.SUBMITTING;
import static io.fedflow.engine.JobState.SUCCEEDED;
import static io.fedflow.engine.JobState.WAITING;
import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.dag.Workflow;
import io.fedflow.engine.JobState;
import io.fedflow.engine.RunState;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scenarios 001-003: jobs start when what they need has succeeded, and not before. */
class DependencyScenariosTest {

  @Test
  void diamondRunsEachJobAfterWhatItNeeds() {
    Workflow wf =
        Workflow.named("diamond")
            .job("a", j -> j.command("true"))
            .job("b", j -> j.command("true").needs("a"))
            .job("c", j -> j.command("true").needs("a"))
            .job("d", j -> j.command("true").needs("b", "c"))
            .build();
    Driver run = new Driver(wf);

    assertThat(run.run()).isEqualTo(RunState.SUCCEEDED);

    assertThat(run.states("d")).containsExactly(WAITING, READY, SUBMITTING, QUEUED, SUCCEEDED);
    assertThat(run.when("b", READY)).isGreaterThan(run.when("a", SUCCEEDED));
    assertThat(run.when("c", READY)).isGreaterThan(run.when("a", SUCCEEDED));
    assertThat(run.when("d", READY))
        .isGreaterThan(run.when("b", SUCCEEDED))
        .isGreaterThan(run.when("c", SUCCEEDED));
    assertThat(run.model.isOver()).isTrue();
    assertThat(run.model.state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(run.row("d").exitCode()).isZero();
  }

  @Test
  void fanInWaitsForEveryOneOfAThousandInstances() {
    Workflow wf =
        Workflow.named("fan")
            .job("split", j -> j.command("true"))
            .job("sim", j -> j.command("true").needs("split").forEachInRange(0, 999))
            .job("merge", j -> j.command("true").needs("sim"))
            .build();
    Driver run = new Driver(wf, "pollsRunning=1", "slots=100");
    run.checks.add(
        d -> {
          if (d.model.count(JobState.SUCCEEDED) < 1001) {
            assertThat(d.row("merge")).as("merge waits").isNull();
          }
        });

    assertThat(run.run()).isEqualTo(RunState.SUCCEEDED);

    assertThat(run.count(SUCCEEDED)).isEqualTo(1002);
    assertThat(run.submissionOrder()).hasSize(1002).startsWith("split", "sim[000]", "sim[001]");
    assertThat(run.submissionOrder()).endsWith("sim[999]", "merge");
  }

  @Test
  void itemWiseJobsStartAsSoonAsTheirOwnItemSucceeded() {
    Workflow wf =
        Workflow.named("chain")
            .job("sim", j -> j.command("true").forEachInRange(0, 9).retries(1))
            .job("cal", j -> j.command("true").needsEach("sim"))
            .job("rep", j -> j.command("true").needsEach("cal"))
            .build();
    // sim[7] fails once and waits 30s for its retry: the other items do not wait for it
    Driver run = new Driver(wf, "failJobs=sim[7]", "failAttempts=1");

    assertThat(run.run()).isEqualTo(RunState.SUCCEEDED);

    assertThat(run.when("rep[0]", SUCCEEDED)).isLessThan(run.when("sim[7]", SUCCEEDED));
    assertThat(run.when("cal[7]", READY)).isGreaterThan(run.when("sim[7]", SUCCEEDED));
    assertThat(run.when("rep[7]", READY)).isGreaterThan(run.when("cal[7]", SUCCEEDED));
    assertThat(run.row("sim[7]").attempt()).isEqualTo(2);
    assertThat(run.count(SUCCEEDED)).isEqualTo(30);
  }

  @Test
  void nothingIsDecidedTwice() {
    Workflow wf = Workflow.named("one").job("a", j -> j.command("true")).build();
    Driver run = new Driver(wf);
    Outcome first = run.decide(false);

    assertThat(first.changes()).extracting(c -> c.row().state()).containsExactly(READY, SUBMITTING);
    assertThat(first.toSubmit()).extracting(SubmitOrder::token).containsExactly("r1.1");
    assertThat(run.decide(false).isEmpty()).isTrue();
    assertThat(List.copyOf(run.model.inFlightRows())).hasSize(1);
  }
}
