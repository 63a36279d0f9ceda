package io.fedflow.connectors.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.connectors.slurm.SlurmLab.SacctRow;
import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import io.fedflow.engine.RunState;
import io.fedflow.engine.store.Attempt;
import io.fedflow.engine.store.Database;
import io.fedflow.engine.store.JobEvent;
import io.fedflow.engine.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a run on a lab cluster left behind, read once its engine is closed: the engine's records
 * (jobs, attempts, events), Slurm's accounting of the run's jobs ({@code sacct}, by submission
 * token: Slurm job names are the tokens) and the ledger file {@code ledger.txt} in the run's shared
 * work folder on the cluster, to which the scenarios' jobs append their instance id.
 */
record RunLedger(
    RunState state,
    List<JobRow> jobs,
    Map<String, List<Attempt>> attempts,
    Map<String, List<JobEvent>> events,
    List<SacctRow> sacct,
    List<String> ledger) {
  private static final Set<String> ACTIVE = Set.of("PENDING", "RUNNING", "COMPLETING", "REQUEUED");

  /**
   * Reads the run; waits (up to 60 s) until accounting has every job the engine submitted, ended.
   */
  static RunLedger read(SlurmLab lab, Path home, String runId) throws Exception {
    RunState state;
    List<JobRow> jobs;
    Map<String, List<Attempt>> attempts = new LinkedHashMap<>();
    Map<String, List<JobEvent>> events = new LinkedHashMap<>();
    try (Database db = Database.open(home.resolve("fedflow"))) {
      RunStore store = new RunStore(db, Clock.systemUTC());
      state = store.run(runId).orElseThrow().state();
      jobs = store.jobs(runId);
      for (JobRow r : jobs) {
        attempts.put(r.instanceId(), store.attempts(runId, r.instanceId()));
        events.put(r.instanceId(), store.events(runId, r.instanceId()));
      }
    }
    Set<String> submitted =
        attempts.values().stream()
            .flatMap(List::stream)
            .filter(a -> a.nativeId() != null)
            .map(Attempt::token)
            .collect(Collectors.toSet());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    List<SacctRow> sacct = lab.sacct(runId);
    while (!settled(sacct, submitted) && System.nanoTime() < deadline) {
      Thread.sleep(500);
      sacct = lab.sacct(runId);
    }
    Path file = lab.onHost(lab.get("WORKDIR") + "/" + runId + "/work/ledger.txt");
    List<String> ledger = Files.exists(file) ? Files.readAllLines(file) : List.of();
    return new RunLedger(state, jobs, attempts, events, sacct, ledger);
  }

  private static boolean settled(List<SacctRow> sacct, Set<String> submitted) {
    Set<String> names = sacct.stream().map(SacctRow::token).collect(Collectors.toSet());
    return names.containsAll(submitted)
        && sacct.stream().noneMatch(r -> ACTIVE.contains(baseState(r)));
  }

  /** The state word without what follows it ({@code CANCELLED by 0}). */
  static String baseState(SacctRow row) {
    return row.state().split(" ")[0];
  }

  /**
   * Nothing lost, nothing twice, in Slurm's own accounting: each recorded attempt that reached the
   * cluster is exactly one Slurm job (or array task) named by its token, with the id the engine
   * recorded, and Slurm has no job of the run under a token the engine did not record.
   */
  void assertEachAttemptIsOneSlurmJob() {
    Map<String, List<SacctRow>> byToken =
        sacct.stream().collect(Collectors.groupingBy(SacctRow::token));
    assertThat(byToken.values())
        .as("Slurm jobs per submission token (sacct)")
        .allSatisfy(rows -> assertThat(rows).hasSize(1));
    List<Attempt> all = attempts.values().stream().flatMap(List::stream).toList();
    assertThat(byToken.keySet())
        .as("tokens in accounting, all recorded by the engine")
        .isSubsetOf(all.stream().map(Attempt::token).collect(Collectors.toSet()));
    for (Attempt a : all) {
      if (a.nativeId() != null) {
        assertThat(byToken.get(a.token()))
            .as("Slurm's job for %s attempt %d (%s)", a.instanceId(), a.attempt(), a.token())
            .isNotNull()
            .extracting(SacctRow::id)
            .containsExactly(a.nativeId());
      }
    }
  }

  /** Each instance appended to the ledger once per attempt that ran its program. */
  void assertLedgerHasOneLinePerAttempt() {
    Map<String, Long> lines =
        ledger.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
    Map<String, Long> expected = new LinkedHashMap<>();
    attempts.forEach(
        (instance, list) -> {
          long ran =
              list.stream()
                  .filter(a -> a.outcome() == JobState.SUCCEEDED || a.outcome() == JobState.FAILED)
                  .count();
          if (ran > 0) {
            expected.put(instance, ran);
          }
        });
    assertThat(lines).as("ledger lines per instance").isEqualTo(expected);
  }

  /** Every instance succeeded with a single attempt. */
  void assertEveryJobSucceededOnce() {
    assertThat(state).isEqualTo(RunState.SUCCEEDED);
    assertThat(jobs)
        .allSatisfy(
            r -> {
              assertThat(r.state()).as(r.instanceId()).isEqualTo(JobState.SUCCEEDED);
              assertThat(attempts.get(r.instanceId())).as(r.instanceId()).hasSize(1);
            });
  }

  /** The ledger's lines, sorted. */
  List<String> sortedLedger() {
    List<String> sorted = new ArrayList<>(ledger);
    sorted.sort(null);
    return sorted;
  }

  /** How many times a job of the run became UNKNOWN (the site did not tell its state). */
  long unknowns() {
    return events.values().stream()
        .flatMap(List::stream)
        .filter(e -> e.to() == JobState.UNKNOWN)
        .count();
  }

  /** How many times a job of the run became FAILED. */
  long failures() {
    return events.values().stream()
        .flatMap(List::stream)
        .filter(e -> e.to() == JobState.FAILED)
        .count();
  }
}
