package io.fedflow.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fedflow.dag.plan.Plan;
import io.fedflow.dag.plan.PlannedJob;
import io.fedflow.dag.yaml.WorkflowYamlReader;
import io.fedflow.engine.JobChange;
import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import io.fedflow.engine.RunState;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database of an earlier fedflow (schema version 2) opens with its runs as they were. */
class JournalMigrationTest {
  private static final Instant T0 = Instant.parse("2026-11-25T19:32:00.123456789Z");
  private static final String YAML =
      """
      version: 1
      name: align
      params:
        shards: 1
      jobs:
        shard:
          forEach: {range: {from: 1, to: "{{params.shards}}"}}
          command: ["true"]
        merge:
          needs: shard
          command: ["true"]
      """;

  @TempDir Path dir;

  private static Instant at(int s) {
    return T0.plusSeconds(s);
  }

  @Test
  void theRunsOfASchemaVersion2DatabaseListReadAndGoOn() throws Exception {
    Path base = dir.resolve("fedflow");
    String url = "jdbc:h2:file:" + base;
    Flyway.configure().dataSource(url, "sa", "").target("2").load().migrate();
    Plan plan = Plan.of(WorkflowYamlReader.read(YAML, "test"), Map.of("shards", "3"));
    List<String> ids = new ArrayList<>();
    for (PlannedJob job : plan.jobs()) {
      for (long i = 0; i < job.size(); i++) {
        ids.add(job.instanceId(i));
      }
    }
    // shard 1 succeeded at its second attempt, shard 2 runs, shard 3 and merge wait.
    JobRow done =
        new JobRow(
            ids.get(0),
            "shard",
            0,
            JobState.SUCCEEDED,
            2,
            0,
            "old.2",
            "local",
            "43",
            0,
            null,
            at(6),
            at(7),
            null,
            null,
            at(7));
    JobRow running =
        new JobRow(
            ids.get(1),
            "shard",
            1,
            JobState.RUNNING,
            1,
            0,
            "old.3",
            "local",
            "44",
            null,
            null,
            at(8),
            null,
            null,
            null,
            at(8));
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO runs (id, workflow_name, workflow_yaml, state, run_dir, created_at)"
              + " VALUES ('old', 'align', '"
              + YAML
              + "', 'RUNNING', '/r/old',"
              + " TIMESTAMP WITH TIME ZONE '2026-11-25 19:32:00.123456789Z')");
      s.execute("INSERT INTO run_params VALUES ('old', 'shards', '3')");
      try (PreparedStatement job =
          c.prepareStatement(
              "INSERT INTO jobs (run_id, instance_id, pos, job, idx, state, attempt, token, site,"
                  + " native_id, exit_code, started_at, ended_at, updated_at)"
                  + " VALUES ('old', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        int pos = 0;
        for (JobRow r :
            List.of(
                done, running, waiting(ids.get(2), "shard", 2), waiting(ids.get(3), "merge", 0))) {
          job.setString(1, r.instanceId());
          job.setInt(2, pos++);
          job.setString(3, r.job());
          job.setLong(4, r.index());
          job.setString(5, r.state().name());
          job.setInt(6, r.attempt());
          job.setString(7, r.token());
          job.setString(8, r.site());
          job.setString(9, r.nativeId());
          job.setObject(10, r.exitCode());
          job.setObject(11, r.startedAt());
          job.setObject(12, r.endedAt());
          job.setObject(13, r.updatedAt());
          job.executeUpdate();
        }
      }
      String a = ids.get(0);
      s.execute(
          "INSERT INTO attempts VALUES ('old', '"
              + a
              + "', 1, 'old.1', 'local', '42', 'FAILED', 1,"
              + time(1)
              + ", "
              + time(2)
              + ", "
              + time(3)
              + ", 'exit code 1, retry 1 of 1 in 1s'),"
              + " ('old', '"
              + a
              + "', 2, 'old.2', 'local', '43', 'SUCCEEDED', 0,"
              + time(5)
              + ", "
              + time(6)
              + ", "
              + time(7)
              + ", 'exit code 0'),"
              + " ('old', '"
              + ids.get(1)
              + "', 1, 'old.3', 'local', '44', NULL, NULL,"
              + time(5)
              + ", NULL, NULL, 'submitting')");
      event(s, a, 0, "WAITING", "READY", "needs met");
      event(s, a, 1, "READY", "SUBMITTING", "submitting");
      event(s, a, 2, "SUBMITTING", "RUNNING", "running");
      event(s, a, 3, "RUNNING", "RETRY_WAIT", "exit code 1, retry 1 of 1 in 1s");
      event(s, a, 4, "RETRY_WAIT", "READY", "backoff elapsed");
      event(s, a, 5, "READY", "SUBMITTING", "submitting");
      event(s, a, 7, "SUBMITTING", "SUCCEEDED", "exit code 0");
      event(s, ids.get(1), 5, "WAITING", "READY", "needs met");
      event(s, ids.get(1), 5, "READY", "SUBMITTING", "submitting");
      event(s, ids.get(1), 8, "SUBMITTING", "RUNNING", "running");
    }

    try (Database db = Database.open(base)) {
      RunStore store = new RunStore(db, Clock.systemUTC());
      assertThat(store.runs()).extracting(r -> r.id()).containsExactly("old");
      assertThat(store.jobs("old"))
          .containsExactly(
              done, running, waiting(ids.get(2), "shard", 2), waiting(ids.get(3), "merge", 0));
      assertThat(store.counts("old"))
          .isEqualTo(Map.of(JobState.SUCCEEDED, 1L, JobState.RUNNING, 1L, JobState.WAITING, 2L));
      assertThat(store.events("old", ids.get(0)))
          .extracting(JobEvent::at, JobEvent::to, JobEvent::detail)
          .startsWith(tuple(at(0), JobState.READY, "needs met"))
          .endsWith(tuple(at(7), JobState.SUCCEEDED, "exit code 0"))
          .hasSize(7);
      assertThat(store.attempts("old", ids.get(0)))
          .extracting(
              Attempt::attempt,
              Attempt::token,
              Attempt::nativeId,
              Attempt::outcome,
              Attempt::exitCode,
              Attempt::endedAt)
          .containsExactly(
              tuple(1, "old.1", "42", JobState.FAILED, 1, at(3)),
              tuple(2, "old.2", "43", JobState.SUCCEEDED, 0, at(7)));

      // The run goes on: its next round is appended after what was converted.
      JobRow ended =
          new JobRow(
              ids.get(1),
              "shard",
              1,
              JobState.SUCCEEDED,
              1,
              0,
              "old.3",
              "local",
              "44",
              0,
              null,
              at(8),
              at(9),
              null,
              null,
              at(9));
      store.apply("old", List.of(new JobChange(ended, JobState.RUNNING, "exit code 0")), null);
      assertThat(store.counts("old")).containsEntry(JobState.SUCCEEDED, 2L);
      assertThat(store.jobs("old").get(1)).isEqualTo(ended);
      assertThat(store.run("old").orElseThrow().state()).isEqualTo(RunState.RUNNING);
    }
  }

  private static JobRow waiting(String id, String job, long index) {
    return JobRow.waiting(id, job, index, T0);
  }

  private static String time(int s) {
    return "TIMESTAMP WITH TIME ZONE '" + at(s).toString().replace('T', ' ') + "'";
  }

  private static void event(Statement s, String id, int at, String from, String to, String detail)
      throws Exception {
    s.execute(
        "INSERT INTO events (run_id, instance_id, at, from_state, to_state, detail) VALUES ('old', '"
            + id
            + "', "
            + time(at)
            + ", '"
            + from
            + "', '"
            + to
            + "', '"
            + detail
            + "')");
  }
}
