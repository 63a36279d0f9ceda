package io.fedflow.engine.core;

import static io.fedflow.engine.JobState.CANCELLED;
import static io.fedflow.engine.JobState.QUEUED;
import static io.fedflow.engine.JobState.READY;
import static io.fedflow.engine.JobState.RETRY_WAIT;
import static io.fedflow.engine.JobState.RUNNING;
import static io.fedflow.engine.JobState.SUCCEEDED;
import static io.fedflow.engine.JobState.WAITING;
import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.dag.Workflow;
import io.fedflow.engine.JobChange;
import io.fedflow.engine.RunState;
import io.fedflow.engine.connector.SiteJob;
import org.junit.jupiter.api.Test;

/** Scenario 011: cancelling a run. */
class CancelScenariosTest {
  private static final Workflow WF =
      Workflow.named("cancel")
          .maxInFlight(5)
          .job("sim", j -> j.command("x").forEachInRange(1, 20))
          .job("merge", j -> j.command("x").needs("sim"))
          .finalJob("cleanup", j -> j.command("x"))
          .build();

  @Test
  void cancelStopsWhatWaitsAtOnceAndWhatRunsAtTheSiteThenRunsTheFinalJob() {
    Driver run = new Driver(WF, "pollsRunning=5");
    run.runUntil(() -> run.model.count(RUNNING) == 5);

    run.pending.add(new EngineEvent.CancelRequested());
    Outcome cancel = run.decide();

    assertThat(cancel.cancelling()).isTrue();
    assertThat(cancel.toSubmit()).isEmpty();
    assertThat(cancel.changes())
        .hasSize(16)
        .allSatisfy(c -> assertThat(c.row().state()).isEqualTo(CANCELLED))
        .extracting(JobChange::from)
        .containsOnly(READY, WAITING);
    assertThat(cancel.toCancel()).extracting(SiteJob::token).hasSize(5).doesNotHaveDuplicates();
    assertThat(run.row("cleanup")).isNull();

    assertThat(run.run()).isEqualTo(RunState.CANCELLED);

    assertThat(run.count(CANCELLED)).isEqualTo(21);
    assertThat(run.row("cleanup").state()).isEqualTo(SUCCEEDED);
    assertThat(run.submissionOrder()).hasSize(6).endsWith("cleanup");
    assertThat(run.states("sim[01]")).endsWith(RUNNING, CANCELLED);
    assertThat(run.changes("sim[01]").get(run.changes("sim[01]").size() - 1).detail())
        .isEqualTo("cancelled at mem");
  }

  @Test
  void aJobBeingSubmittedIsCancelledOnceTheSiteHasIt() {
    Driver run = new Driver(WF, "pollsRunning=5");
    Outcome first = run.decide(false);
    assertThat(first.toSubmit()).hasSize(5);

    run.pending.add(new EngineEvent.CancelRequested());
    Outcome cancel = run.decide(false);
    assertThat(cancel.toCancel()).isEmpty();
    assertThat(run.model.inFlight()).isEqualTo(5);

    run.act(first);
    Outcome accepted = run.decide();
    assertThat(accepted.changes())
        .extracting(c -> c.row().state())
        .containsExactly(QUEUED, QUEUED, QUEUED, QUEUED, QUEUED);
    assertThat(accepted.toCancel()).hasSize(5);

    assertThat(run.run()).isEqualTo(RunState.CANCELLED);
    assertThat(run.row("sim[01]").state()).isEqualTo(CANCELLED);
  }

  @Test
  void aRetryWaitingForItsBackoffIsCancelledAtOnce() {
    Workflow wf = Workflow.named("c").job("a", j -> j.command("x").retries(2)).build();
    Driver run = new Driver(wf, "failJobs=a");
    run.runUntil(() -> run.model.count(RETRY_WAIT) == 1);

    run.pending.add(new EngineEvent.CancelRequested());
    Outcome cancel = run.decide();

    assertThat(cancel.changes()).extracting(JobChange::from).containsExactly(RETRY_WAIT);
    assertThat(cancel.runEnd()).isEqualTo(RunState.CANCELLED);
    assertThat(run.model.nextWakeUp()).isEmpty();
  }

  @Test
  void aRunResumedAfterACancelCancelsItsJobsAtTheSiteAgainButRunsTheFinalJob() {
    Driver run = new Driver(WF, "pollsRunning=5");
    run.runUntil(() -> run.model.count(RUNNING) == 5);
    run.pending.add(new EngineEvent.CancelRequested());
    run.decide(false); // the engine dies before the cancel orders reach the site

    run.crash();
    run.pending.add(new EngineEvent.CancelRequested());
    Outcome again = run.decide();

    assertThat(run.model.cancelRequested()).isTrue();
    assertThat(again.toCancel()).hasSize(5);
    assertThat(run.run()).isEqualTo(RunState.CANCELLED);
    assertThat(run.row("cleanup").state()).isEqualTo(SUCCEEDED);
    assertThat(run.submissionOrder()).hasSize(6).endsWith("cleanup");
  }
}
