package io.fedflow.engine.core;

import static io.fedflow.engine.JobState.QUEUED;
import static io.fedflow.engine.JobState.READY;
import static io.fedflow.engine.JobState.RETRY_WAIT;
import static io.fedflow.engine.JobState.RUNNING;
import static io.fedflow.engine.JobState.SUBMITTING;
import static io.fedflow.engine.JobState.SUCCEEDED;
import static io.fedflow.engine.JobState.UNKNOWN;
import static io.fedflow.engine.JobState.WAITING;
import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.dag.Workflow;
import io.fedflow.engine.JobChange;
import io.fedflow.engine.JobRow;
import io.fedflow.engine.RunState;
import io.fedflow.engine.connector.Observation;
import io.fedflow.engine.connector.SiteJob;
import io.fedflow.engine.connector.SiteState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scenarios 012-014: a silent site, crashes at any round, lost jobs, late and early answers. */
class RecoveryScenariosTest {

  @Test
  void aJobTheSiteCannotTellAboutIsUnknownUntilTheSiteAnswersAgain() {
    Workflow wf = Workflow.named("silent").job("a", j -> j.command("x")).build();
    Driver run = new Driver(wf, "unknownJobs=a", "unknownPolls=3", "pollsRunning=1");

    assertThat(run.run()).isEqualTo(RunState.SUCCEEDED);

    assertThat(run.states("a"))
        .containsExactly(WAITING, READY, SUBMITTING, QUEUED, UNKNOWN, RUNNING, SUCCEEDED);
    assertThat(run.changes("a").get(3).detail()).isEqualTo("mem did not tell the job's state");
    assertThat(run.row("a").attempt()).isEqualTo(1);
  }

  @Test
  void crashesAtAnyRoundNeitherRepeatNorLoseAJob() {
    Workflow wf =
        Workflow.named("crashy")
            .maxInFlight(10)
            .job("sim", j -> j.command("x").forEachInRange(1, 60))
            .job("cal", j -> j.command("x").needsEach("sim"))
            .job("merge", j -> j.command("x").needs("cal"))
            .finalJob("end", j -> j.command("x"))
            .build();
    Driver run = new Driver(wf, "pollsRunning=1");

    for (int round = 0; run.end == null; round++) {
      boolean actFirst =
          round % 7 != 3; // sometimes die after the commit, before the site is called
      Outcome o = run.decide(actFirst);
      if (run.end == null && round % 3 == 1) {
        run.crash();
      } else if (run.end == null) {
        if (!actFirst) {
          run.act(o);
        }
        run.pollOrWait(o);
      }
    }

    assertThat(run.end).isEqualTo(RunState.SUCCEEDED);
    assertThat(run.rows.values()).allSatisfy(r -> assertThat(r.attempt()).isEqualTo(1));
    assertThat(run.tokens).hasSize(122);
  }

  @Test
  void tokensAreNeverReusedAfterARebuild() {
    Workflow wf =
        Workflow.named("retry")
            .job("a", j -> j.command("x").retries(3).forEachInRange(1, 5))
            .build();
    Driver run = new Driver(wf, "failJobs=a[*]", "failAttempts=2");
    run.runUntil(() -> run.model.count(RETRY_WAIT) == 5);
    List<String> before = new ArrayList<>(run.tokens);

    run.crash();
    assertThat(run.run()).isEqualTo(RunState.SUCCEEDED);

    assertThat(before).containsExactlyInAnyOrder("r1.1", "r1.2", "r1.3", "r1.4", "r1.5");
    assertThat(run.tokens).hasSize(15); // the driver fails on a token given twice
    assertThat(run.rows.values()).extracting(JobRow::token).doesNotContainAnyElementsOf(before);
  }

  @Test
  void aJobRecordedButNeverSubmittedIsSubmittedWithItsOwnTokenAfterACrash() {
    Workflow wf = Workflow.named("one").job("a", j -> j.command("x")).build();
    Driver run = new Driver(wf);
    run.decide(false);

    run.crash();
    Outcome resumed = run.decide();

    assertThat(resumed.changes()).isEmpty();
    assertThat(resumed.toSubmit()).extracting(SubmitOrder::token).containsExactly("r1.1");
    assertThat(run.run()).isEqualTo(RunState.SUCCEEDED);
    assertThat(run.states("a")).containsExactly(WAITING, READY, SUBMITTING, QUEUED, SUCCEEDED);
  }

  @Test
  void aJobTheSiteLostIsRetriedWithoutUsingARetry() {
    Workflow wf = Workflow.named("lost").job("a", j -> j.command("x")).build();
    Driver run = new Driver(wf, "pollsRunning=3");
    run.runUntil(() -> run.model.count(RUNNING) == 1);

    run.site = run.newSite(); // the site restarted and forgot its jobs
    run.crash();

    assertThat(run.run()).isEqualTo(RunState.SUCCEEDED);
    JobChange lost =
        run.changes("a").stream().filter(c -> c.row().state() == RETRY_WAIT).findFirst().get();
    assertThat(lost.from()).isEqualTo(RUNNING);
    assertThat(lost.detail())
        .isEqualTo("mem no longer has the job: trying again in 30s, no retry used");
    assertThat(run.row("a").attempt()).isEqualTo(2);
    assertThat(run.row("a").siteFaults()).isEqualTo(1);
  }

  @Test
  void aFastJobSeenEndedBeforeItsSubmissionIsAnsweredSucceeds() {
    Workflow wf = Workflow.named("fast").job("a", j -> j.command("x")).build();
    Driver run = new Driver(wf);
    run.decide();
    SiteJob job = ((EngineEvent.Submitted) run.pending.get(0)).job();
    Observation done = run.site.poll(List.of(job)).get(job);
    run.pending.add(0, new EngineEvent.Observed(job, done));

    Outcome o = run.decide();

    assertThat(o.changes()).extracting(JobChange::from).containsExactly(SUBMITTING);
    assertThat(o.runEnd()).isEqualTo(RunState.SUCCEEDED);
    assertThat(run.row("a").nativeId()).isEqualTo(job.nativeId());
  }

  @Test
  void anAnswerAboutAnEarlierAttemptChangesNothing() {
    Workflow wf = Workflow.named("late").job("a", j -> j.command("x").retries(1)).build();
    Driver run = new Driver(wf, "failJobs=a", "failAttempts=1", "pollsRunning=2");
    run.runUntil(() -> run.model.count(RETRY_WAIT) == 1);
    JobRow failed = run.row("a");
    SiteJob old = new SiteJob(failed.site(), failed.nativeId(), failed.token());
    run.runUntil(() -> run.model.count(RUNNING) == 1);

    run.pending.add(new EngineEvent.Observed(old, Observation.of(SiteState.QUEUED)));
    run.pending.add(new EngineEvent.Submitted(old));
    run.pending.add(new EngineEvent.Recovered(old.token(), null));

    assertThat(run.decide(false).isEmpty()).isTrue();
    assertThat(run.row("a").state()).isEqualTo(RUNNING);
    assertThat(run.row("a").attempt()).isEqualTo(2);
  }
}
