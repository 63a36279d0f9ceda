package io.fedflow.connectors.slurm.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A job array as both lab clusters told of it: array 305 of five tasks throttled to one at a time
 * ({@code sbatch --array=0-4%1}), each exiting with its task id: task 0 running and the others
 * pending together in the array's own record; then, in accounting once it ended, each task that ran
 * (task 3 was cancelled while pending: it never ran, and slurmdbd has no record of it).
 */
class ArrayRecordsTest {
  private LoopbackSlurm server;

  @BeforeEach
  void start() throws Exception {
    server = new LoopbackSlurm();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static List<JobRecord> array(List<JobRecord> records) {
    return records.stream().filter(r -> r.name().startsWith("arrprobe")).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "V0038, /slurm/v0.0.38/jobs, slurm-22.05-v0.0.38/jobs-array-response",
    "V0042, /slurm/v0.0.42/jobs/, slurm-24.11-v0.0.42/jobs-array-response"
  })
  void eachVersionTellsEachTaskAndThePendingOnesTogether(
      ApiVersion version, String path, String fixture) throws Exception {
    server.on("GET", path, 200, fixture);
    SlurmClient rest = new SlurmRest(Sites.http(server), version, true);

    assertThat(array(rest.jobs()))
        .extracting(
            JobRecord::id,
            JobRecord::arrayJobId,
            JobRecord::arrayTaskId,
            JobRecord::arrayPending,
            JobRecord::user)
        .containsExactly(
            tuple(306L, 305L, 0, null, "fedflow-user"),
            tuple(305L, 305L, null, "1-4%1", "fedflow-user"));
  }

  @Test
  void slurm2205AccountingTellsEveryTaskThatRan() throws Exception {
    server.on("GET", "/slurmdb/v0.0.38/job/305", 200, "slurm-22.05-v0.0.38/slurmdb-array-response");
    SlurmClient rest = new SlurmRest(Sites.http(server), ApiVersion.V0038, true);

    assertThat(rest.accountingArray(305))
        .extracting(JobRecord::id, JobRecord::arrayJobId, JobRecord::arrayTaskId, JobRecord::name)
        .containsExactly(
            tuple(305L, 305L, 4, "arrprobe-22"),
            tuple(306L, 305L, 0, "arrprobe-22"),
            tuple(307L, 305L, 1, "arrprobe-22"),
            tuple(308L, 305L, 2, "arrprobe-22"));
  }

  @Test
  void slurm2411AccountingTellsEveryTaskThatRan() throws Exception {
    server.on("GET", "/slurmdb/v0.0.42/job/305", 200, "slurm-24.11-v0.0.42/slurmdb-array-response");
    SlurmClient rest = new SlurmRest(Sites.http(server), ApiVersion.V0042, true);

    List<JobRecord> tasks = rest.accountingArray(305);
    assertThat(tasks)
        .extracting(
            JobRecord::id, JobRecord::arrayJobId, JobRecord::arrayTaskId, JobRecord::exitCode)
        .containsExactly(
            tuple(305L, 305L, 4, 4),
            tuple(306L, 305L, 0, 0),
            tuple(307L, 305L, 1, 1),
            tuple(308L, 305L, 2, 2));
    assertThat(tasks).allSatisfy(t -> assertThat(t.user()).isEqualTo("fedflow-user"));
  }

  @Test
  void aPlainJobHasNoArrayOnEitherVersion() throws Exception {
    server.on("GET", "/slurm/v0.0.38/jobs", 200, "slurm-22.05-v0.0.38/jobs-response");
    server.on("GET", "/slurm/v0.0.42/job/1", 200, "slurm-24.11-v0.0.42/get-job-response");
    SlurmClient v38 = new SlurmRest(Sites.http(server), ApiVersion.V0038, true);
    SlurmClient v42 = new SlurmRest(Sites.http(server), ApiVersion.V0042, true);

    assertThat(v38.jobs())
        .isNotEmpty()
        .allSatisfy(
            j ->
                assertThat(
                        List.of(
                            j.arrayJobId() == null,
                            j.arrayTaskId() == null,
                            j.arrayPending() == null))
                    .containsOnly(true));
    JobRecord one = v42.job(1).orElseThrow();
    assertThat(one.arrayJobId()).isNull();
    assertThat(one.arrayTaskId()).isNull();
    assertThat(one.arrayPending()).isNull();
  }
}
