package io.fedflow.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.fedflow.dag.plan.Plan;
import io.fedflow.dag.plan.PlannedJob;
import io.fedflow.dag.yaml.WorkflowYamlReader;
import io.fedflow.engine.EngineException;
import io.fedflow.engine.JobChange;
import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import io.fedflow.engine.RunRecord;
import io.fedflow.engine.RunState;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStoreTest {
  private static final Instant T0 = Lifecycle.T0;
  private static final Instant END = Instant.parse("2026-11-25T20:00:00.5Z");

  @TempDir Path dir;
  private Database db;
  private RunStore store;

  @BeforeEach
  void open() {
    db = Database.open(dir.resolve("fedflow"));
    store = new RunStore(db, Clock.fixed(END, ZoneOffset.UTC));
  }

  @AfterEach
  void close() {
    db.close();
  }

  private void reopen() {
    db.close();
    open();
  }

  /** A fan-out {@code shard} of as many instances as the parameter shards says, then a job a. */
  private static final String YAML =
      """
      version: 1
      name: align
      params:
        shards: 1
        note: none
      jobs:
        shard:
          forEach: {range: {from: 1, to: "{{params.shards}}"}}
          command: ["true"]
        a:
          command: ["true"]
      """;

  private static RunRecord run(String id, Instant created) {
    return run(id, created, 4);
  }

  private static RunRecord run(String id, Instant created, int shards) {
    return new RunRecord(
        id,
        "align",
        "/data/align.yaml",
        YAML,
        Map.of("shards", Integer.toString(shards), "note", "a=b\nsecond line, ünïcode"),
        RunState.RUNNING,
        "/home/u/.fedflow/runs/" + id,
        created,
        null);
  }

  private static Plan plan(RunRecord run) {
    return Plan.of(WorkflowYamlReader.read(run.workflowYaml(), "test"), run.params());
  }

  private RunRecord create(RunRecord run) {
    store.createRun(run, plan(run));
    return run;
  }

  /** Every instance of the run as the plan names it, waiting since the run was created. */
  private static List<JobRow> waiting(RunRecord run) {
    List<JobRow> out = new ArrayList<>();
    for (PlannedJob job : plan(run).jobs()) {
      for (long i = 0; i < job.size(); i++) {
        out.add(JobRow.waiting(job.instanceId(i), job.id(), i, run.createdAt()));
      }
    }
    return out;
  }

  @Test
  void aRunReadsBackAsItWasCreatedWithItsJobsInPlanOrder() {
    RunRecord run = create(run("r1", T0, 5000));
    reopen();
    assertThat(store.run("r1")).contains(run);
    assertThat(store.jobs("r1")).isEqualTo(waiting(run)).hasSize(5001);
    assertThat(store.counts("r1")).isEqualTo(Map.of(JobState.WAITING, 5001L));
    assertThat(store.run("r2")).isEmpty();
  }

  @Test
  void runsAreListedNewestFirstAndUnfinishedOnesOldestFirst() {
    create(run("old", T0));
    create(run("new", T0.plusSeconds(60)));
    create(run("mid", T0.plusSeconds(30)));
    store.apply("mid", List.of(), RunState.FAILED);

    assertThat(store.runs()).extracting(RunRecord::id).containsExactly("new", "mid", "old");
    assertThat(store.unfinishedRuns()).extracting(RunRecord::id).containsExactly("old", "new");
    assertThat(store.run("mid").orElseThrow())
        .extracting(RunRecord::state, RunRecord::endedAt)
        .containsExactly(RunState.FAILED, END);
  }

  @Test
  void aJobsLifeIsRecordedAsRowsAttemptsAndEventsInOrder() {
    create(run("r1", T0));
    Lifecycle a = new Lifecycle("a");
    // First attempt fails and waits for a retry, within two rounds.
    store.apply(
        "r1",
        List.of(
            a.to(JobState.READY, "needs met"),
            a.submit("r1.1", "submitting to local"),
            a.queued("4242", "accepted")),
        null);
    store.apply(
        "r1",
        List.of(
            a.running("started"),
            a.ended(JobState.RETRY_WAIT, 1, "exit code 1, retry 1 of 2 in 1s")),
        null);
    // Second attempt succeeds in one round that also ends the run.
    store.apply(
        "r1",
        List.of(
            a.to(JobState.READY, "backoff over"),
            a.submit("r1.2", "submitting to local"),
            a.queued("4343", "accepted"),
            a.running("started"),
            a.ended(JobState.SUCCEEDED, 0, "exit code 0")),
        RunState.SUCCEEDED);
    reopen();

    assertThat(store.jobs("r1")).endsWith(a.row).hasSize(5);
    assertThat(store.counts("r1")).isEqualTo(Map.of(JobState.WAITING, 4L, JobState.SUCCEEDED, 1L));
    assertThat(store.events("r1", "a"))
        .extracting(JobEvent::from, JobEvent::to, JobEvent::detail)
        .containsExactly(
            tuple(JobState.WAITING, JobState.READY, "needs met"),
            tuple(JobState.READY, JobState.SUBMITTING, "submitting to local"),
            tuple(JobState.SUBMITTING, JobState.QUEUED, "accepted"),
            tuple(JobState.QUEUED, JobState.RUNNING, "started"),
            tuple(JobState.RUNNING, JobState.RETRY_WAIT, "exit code 1, retry 1 of 2 in 1s"),
            tuple(JobState.RETRY_WAIT, JobState.READY, "backoff over"),
            tuple(JobState.READY, JobState.SUBMITTING, "submitting to local"),
            tuple(JobState.SUBMITTING, JobState.QUEUED, "accepted"),
            tuple(JobState.QUEUED, JobState.RUNNING, "started"),
            tuple(JobState.RUNNING, JobState.SUCCEEDED, "exit code 0"));
    assertThat(store.events("r1", "a")).extracting(JobEvent::at).isSorted().doesNotHaveDuplicates();
    assertThat(store.attempts("r1", "a"))
        .containsExactly(
            new Attempt(
                "r1",
                "a",
                1,
                "r1.1",
                "local",
                "4242",
                JobState.FAILED,
                1,
                a.at(2),
                a.at(4),
                a.at(5),
                "exit code 1, retry 1 of 2 in 1s",
                null,
                null),
            new Attempt(
                "r1",
                "a",
                2,
                "r1.2",
                "local",
                "4343",
                JobState.SUCCEEDED,
                0,
                a.at(7),
                a.at(9),
                a.at(10),
                "exit code 0",
                null,
                null));
    assertThat(store.run("r1").orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
  }

  @Test
  void theSiteFaultsOfAJobAreReadBack() {
    create(run("r1", T0));
    JobRow waiting =
        new JobRow(
            "a",
            "a",
            0,
            JobState.RETRY_WAIT,
            3,
            2,
            "r1.3",
            "local",
            "77",
            null,
            T0.plusSeconds(60),
            T0,
            T0.plusSeconds(1),
            null,
            null,
            T0.plusSeconds(1));
    store.apply("r1", List.of(new JobChange(waiting, JobState.WAITING, "node lost")), null);
    reopen();

    assertThat(store.jobs("r1")).endsWith(waiting);
    assertThat(store.counts("r1")).containsEntry(JobState.RETRY_WAIT, 1L);
  }

  @Test
  void aLiveAttemptHasNoOutcomeYet() {
    create(run("r1", T0));
    Lifecycle a = new Lifecycle("a");
    store.apply("r1", List.of(a.to(JobState.READY, "needs met"), a.submit("r1.1", "go")), null);
    assertThat(store.attempts("r1", "a"))
        .containsExactly(
            new Attempt(
                "r1", "a", 1, "r1.1", "local", null, null, null, a.at(2), null, null, "go", null,
                null));
  }

  @Test
  void aRoundNamingAnUnknownInstanceRecordsNothing() {
    RunRecord run = create(run("r1", T0, 2000));
    List<JobChange> round = new ArrayList<>();
    for (JobRow row : store.jobs("r1")) {
      round.add(new Lifecycle(row).to(JobState.READY, "needs met"));
    }
    round.add(1500, new Lifecycle(JobRow.waiting("nope", "nope", 0, T0)).to(JobState.READY, "x"));

    assertThatThrownBy(() -> store.apply("r1", round, RunState.FAILED))
        .isInstanceOf(EngineException.class)
        .hasMessage("run r1 has no job instance nope");
    assertNothingHappenedTo("r1", 2001);

    // The failure left nothing behind: the next round goes through.
    store.apply("r1", round.subList(0, 1000), null);
    assertThat(store.counts("r1"))
        .isEqualTo(Map.of(JobState.READY, 1000L, JobState.WAITING, 1001L));
    assertThat(store.jobs("r1").subList(0, 1000))
        .extracting(JobRow::state)
        .containsOnly(JobState.READY);
    assertThat(store.jobs("r1").get(1000)).isEqualTo(waiting(run).get(1000));
  }

  @Test
  void aRoundTooLargeForOneJournalEntryReadsBackWhole() {
    create(run("r1", T0, 100_000));
    List<JobChange> round = new ArrayList<>();
    int n = 0;
    for (JobRow row : store.jobs("r1")) {
      Lifecycle l = new Lifecycle(row);
      round.add(l.to(JobState.READY, "needs met"));
      round.add(l.submit("r1." + ++n, "submitting, a detail of its own: " + n));
    }
    store.apply("r1", round, null);
    reopen();

    List<JobRow> jobs = store.jobs("r1");
    assertThat(jobs).hasSize(100_001);
    assertThat(jobs).extracting(JobRow::state).containsOnly(JobState.SUBMITTING);
    assertThat(jobs.get(99_999).token()).isEqualTo("r1.100000");
    assertThat(store.events("r1", jobs.get(99_999).instanceId()))
        .extracting(JobEvent::detail)
        .containsExactly("needs met", "submitting, a detail of its own: 100000");
    assertThat(store.counts("r1")).isEqualTo(Map.of(JobState.SUBMITTING, 100_001L));
  }

  @Test
  void tokensAndSiteIdsOfAnyFormReadBackAsWritten() {
    create(run("r1", T0));
    Lifecycle a = new Lifecycle("a");
    store.apply(
        "r1",
        List.of(
            a.to(JobState.READY, null),
            a.submit("r1.007", "a token whose number has a leading zero"),
            a.queued("cluster-42.0", "")),
        null);
    reopen();
    assertThat(store.jobs("r1")).endsWith(a.row);
    assertThat(store.events("r1", "a"))
        .extracting(JobEvent::detail)
        .containsExactly(null, "a token whose number has a leading zero", "");
  }

  @Test
  void aCancelRequestIsRecordedForARunningRunOnly() {
    create(run("r1", T0));
    create(run("done", T0));
    store.apply("done", List.of(), RunState.SUCCEEDED);

    assertThat(store.cancelRequested("r1")).isFalse();
    assertThat(store.requestCancel("r1")).isTrue();
    assertThat(store.requestCancel("done")).isFalse();
    reopen();
    assertThat(store.cancelRequested("r1")).isTrue();
    assertThat(store.cancelRequested("done")).isFalse();
    assertThatThrownBy(() -> store.requestCancel("nope"))
        .isInstanceOf(EngineException.class)
        .hasMessage("no run nope");
  }

  private void assertNothingHappenedTo(String runId, int jobs) {
    assertThat(store.counts(runId)).isEqualTo(Map.of(JobState.WAITING, (long) jobs));
    assertThat(store.run(runId).orElseThrow().state()).isEqualTo(RunState.RUNNING);
    for (JobRow row : store.jobs(runId)) {
      assertThat(store.events(runId, row.instanceId())).isEmpty();
      assertThat(store.attempts(runId, row.instanceId())).isEmpty();
    }
  }
}
