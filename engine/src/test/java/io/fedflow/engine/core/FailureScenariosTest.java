package io.fedflow.engine.core;

import static io.fedflow.engine.JobState.CANCELLED;
import static io.fedflow.engine.JobState.FAILED;
import static io.fedflow.engine.JobState.QUEUED;
import static io.fedflow.engine.JobState.READY;
import static io.fedflow.engine.JobState.RETRY_WAIT;
import static io.fedflow.engine.JobState.SKIPPED;
import static io.fedflow.engine.JobState.SUBMITTING;
import static io.fedflow.engine.JobState.SUCCEEDED;
import static io.fedflow.engine.JobState.WAITING;
import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.dag.RetryPolicy;
import io.fedflow.dag.Workflow;
import io.fedflow.engine.JobChange;
import io.fedflow.engine.JobRow;
import io.fedflow.engine.RunState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scenarios 004-008: retries, backoff, skipping what can no longer run, the final job. */
class FailureScenariosTest {

  @Test
  void retriesWaitTheirExactBackoffThenFailForGood() {
    RetryPolicy policy = new RetryPolicy(3, Duration.ofSeconds(10), 3.0, Duration.ofMinutes(1));
    Workflow wf = Workflow.named("retry").job("a", j -> j.command("false").retry(policy)).build();
    Driver run = new Driver(wf, "failJobs=a", "failExitCode=3");
    Instant start = run.now;

    assertThat(run.run()).isEqualTo(RunState.FAILED);

    List<JobChange> waits =
        run.changes("a").stream().filter(c -> c.row().state() == RETRY_WAIT).toList();
    assertThat(waits)
        .extracting(c -> Duration.between(c.row().updatedAt(), c.row().retryAt()))
        .containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1));
    assertThat(waits)
        .extracting(JobChange::detail)
        .containsExactly(
            "exit code 3, retry 1 of 3 in 10s",
            "exit code 3, retry 2 of 3 in 30s",
            "exit code 3, retry 3 of 3 in 1m");
    List<JobChange> readies =
        run.changes("a").stream().filter(c -> c.row().state() == READY).toList();
    assertThat(readies)
        .extracting(c -> c.row().updatedAt())
        .containsExactly(
            start, start.plusSeconds(10), start.plusSeconds(40), start.plusSeconds(100));
    JobRow last = run.row("a");
    assertThat(last.state()).isEqualTo(FAILED);
    assertThat(last.attempt()).isEqualTo(4);
    assertThat(last.exitCode()).isEqualTo(3);
    assertThat(run.changes("a").get(run.changes("a").size() - 1).detail())
        .isEqualTo("exit code 3, no retries left");
  }

  @Test
  void aRetriedJobThatSucceedsLetsTheRunSucceed() {
    Workflow wf =
        Workflow.named("retry")
            .job("a", j -> j.command("x").retries(2))
            .job("b", j -> j.command("x").needs("a"))
            .build();
    Driver run = new Driver(wf, "failJobs=a", "failAttempts=2");

    assertThat(run.run()).isEqualTo(RunState.SUCCEEDED);
    assertThat(run.row("a").attempt()).isEqualTo(3);
    assertThat(run.row("a").exitCode()).isZero();
    assertThat(run.row("b").state()).isEqualTo(SUCCEEDED);
    assertThat(run.tokens).hasSize(4);
  }

  @Test
  void aFailedFanOutInstanceSkipsTheFanInButNotAnIndependentBranch() {
    Workflow wf =
        Workflow.named("skip")
            .job("sim", j -> j.command("x").forEachInRange(0, 4))
            .job("merge", j -> j.command("x").needs("sim"))
            .job("report", j -> j.command("x").needs("merge"))
            .job("other", j -> j.command("x"))
            .job("other2", j -> j.command("x").needs("other"))
            .build();
    Driver run = new Driver(wf, "failJobs=sim[2]", "pollsRunning=2");

    assertThat(run.run()).isEqualTo(RunState.FAILED);

    assertThat(run.row("sim[2]").state()).isEqualTo(FAILED);
    assertThat(run.states("merge")).containsExactly(WAITING, SKIPPED);
    assertThat(run.changes("merge").get(0).detail()).isEqualTo("upstream sim[2] failed");
    assertThat(run.changes("report").get(0).detail()).isEqualTo("upstream merge was skipped");
    assertThat(run.row("other2").state()).isEqualTo(SUCCEEDED);
    assertThat(run.count(SUCCEEDED)).isEqualTo(6);
  }

  @Test
  void aFailedItemSkipsOnlyItsOwnItemDownstreamAndEveryFanInAfterIt() {
    Workflow wf =
        Workflow.named("skip")
            .job("sim", j -> j.command("x").forEachInRange(0, 4))
            .job("cal", j -> j.command("x").needsEach("sim"))
            .job("rep", j -> j.command("x").needsEach("cal"))
            .job("sum", j -> j.command("x").needs("rep"))
            .build();
    Driver run = new Driver(wf, "failJobs=sim[2]");

    assertThat(run.run()).isEqualTo(RunState.FAILED);

    assertThat(run.row("cal[2]").state()).isEqualTo(SKIPPED);
    assertThat(run.row("rep[2]").state()).isEqualTo(SKIPPED);
    assertThat(run.changes("rep[2]").get(0).detail()).isEqualTo("upstream cal[2] was skipped");
    assertThat(run.row("sum").state()).isEqualTo(SKIPPED);
    for (String id : List.of("cal[0]", "cal[1]", "cal[3]", "cal[4]", "rep[0]", "rep[4]")) {
      assertThat(run.row(id).state()).as(id).isEqualTo(SUCCEEDED);
    }
  }

  @Test
  void theFinalJobRunsLastAfterSuccess() {
    Workflow wf =
        Workflow.named("fin")
            .job("a", j -> j.command("x").forEachInRange(1, 3))
            .job("b", j -> j.command("x").needs("a"))
            .finalJob("notify", j -> j.command("x"))
            .build();
    Driver run = new Driver(wf, "pollsRunning=1");

    assertThat(run.run()).isEqualTo(RunState.SUCCEEDED);

    assertThat(run.submissionOrder()).last().isEqualTo("notify");
    assertThat(run.when("notify", READY)).isGreaterThan(run.when("b", SUCCEEDED));
    assertThat(run.changes("notify").get(0).detail()).isEqualTo("every other job has finished");
  }

  @Test
  void theFinalJobRunsAfterAFailureAndTheRunFails() {
    Workflow wf =
        Workflow.named("fin")
            .job("a", j -> j.command("x"))
            .job("b", j -> j.command("x").needs("a"))
            .job("c", j -> j.command("x").retries(1))
            .finalJob("notify", j -> j.command("x"))
            .build();
    Driver run = new Driver(wf, "failJobs=a");

    assertThat(run.run()).isEqualTo(RunState.FAILED);

    assertThat(run.row("b").state()).isEqualTo(SKIPPED);
    assertThat(run.row("notify").state()).isEqualTo(SUCCEEDED);
    assertThat(run.when("notify", READY))
        .isGreaterThan(run.when("b", SKIPPED))
        .isGreaterThan(run.when("c", SUCCEEDED));
  }

  @Test
  void aFailingFinalJobFailsARunWhoseJobsSucceeded() {
    Workflow wf =
        Workflow.named("fin")
            .job("a", j -> j.command("x"))
            .finalJob("notify", j -> j.command("x"))
            .build();
    Driver run = new Driver(wf, "failJobs=notify");

    assertThat(run.run()).isEqualTo(RunState.FAILED);
    assertThat(run.row("a").state()).isEqualTo(SUCCEEDED);
  }

  @Test
  void siteFaultsAreRetriedWithoutUsingTheRetries() {
    Workflow wf =
        Workflow.named("fault")
            .job("a", j -> j.command("x"))
            .job("b", j -> j.command("x").retries(1))
            .build();
    // a: two site faults, no retries allowed; b: a site fault, then a failure using its one retry
    Driver run =
        new Driver(wf, "siteFaultJobs=a,b", "siteFaultAttempts=2", "failJobs=b", "failAttempts=3");

    assertThat(run.run()).isEqualTo(RunState.SUCCEEDED);

    JobRow a = run.row("a");
    assertThat(a.attempt()).isEqualTo(3);
    assertThat(a.siteFaults()).isEqualTo(2);
    assertThat(run.changes("a"))
        .filteredOn(c -> c.row().state() == RETRY_WAIT)
        .extracting(JobChange::detail)
        .containsExactly(
            "failed (node lost), a fault of mem: trying again in 30s, no retry used",
            "failed (node lost), a fault of mem: trying again in 1m, no retry used");
    assertThat(run.row("b").attempt()).isEqualTo(4);
    assertThat(run.changes("b"))
        .filteredOn(c -> c.row().state() == RETRY_WAIT)
        .extracting(JobChange::detail)
        .endsWith("exit code 1, retry 1 of 1 in 30s");
  }

  @Test
  void aSubmissionRefusedForGoodFailsTheJobAndSkipsWhatNeedsIt() {
    Workflow wf =
        Workflow.named("reject")
            .job("a", j -> j.command("x").retries(3))
            .job("b", j -> j.command("x").needs("a"))
            .build();
    Driver run = new Driver(wf, "rejectJobs=a");

    assertThat(run.run()).isEqualTo(RunState.FAILED);

    assertThat(run.states("a")).containsExactly(WAITING, READY, SUBMITTING, FAILED);
    assertThat(run.changes("a").get(2).detail())
        .isEqualTo("rejected by mem: site mem refused job a (rejectJobs)");
    assertThat(run.row("b").state()).isEqualTo(SKIPPED);
  }

  @Test
  void aTransientSubmissionFailureSubmitsTheSameTokenAgainLater() {
    Workflow wf = Workflow.named("flaky").job("a", j -> j.command("x")).build();
    Driver run = new Driver(wf, "flakyJobs=a");
    Instant start = run.now;

    assertThat(run.run()).isEqualTo(RunState.SUCCEEDED);

    assertThat(run.states("a"))
        .containsExactly(WAITING, READY, SUBMITTING, SUBMITTING, SUBMITTING, QUEUED, SUCCEEDED);
    JobChange deferred = run.changes("a").get(2);
    assertThat(deferred.detail())
        .isEqualTo(
            "submission failed (site mem did not answer the submission of a (flakyJobs));"
                + " trying again in 30s");
    assertThat(deferred.row().retryAt()).isEqualTo(start.plusSeconds(30));
    assertThat(run.row("a").attempt()).isEqualTo(1);
    assertThat(run.row("a").token()).isEqualTo("r1.1");
    assertThat(run.states("a")).doesNotContain(CANCELLED);
  }
}
