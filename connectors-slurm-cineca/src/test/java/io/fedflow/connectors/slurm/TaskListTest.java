package io.fedflow.connectors.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.connectors.slurm.rest.JobRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Task ids as Slurm writes them, and the jobs a record tells of. */
class TaskListTest {

  @Test
  void idsAreWrittenAsRanges() {
    assertThat(TaskList.format(List.of(0, 1, 2, 4, 6, 7))).isEqualTo("0-2,4,6-7");
    assertThat(TaskList.format(List.of(5))).isEqualTo("5");
  }

  @Test
  void pendingTasksAreReadWithBracketsThrottleAndSteps() {
    assertThat(TaskList.parse("1-4%1")).containsExactly(1, 2, 3, 4);
    assertThat(TaskList.parse("[3-5,9%10]")).containsExactly(3, 4, 5, 9);
    assertThat(TaskList.parse("2,4%1")).containsExactly(2, 4);
    assertThat(TaskList.parse("0-6:3")).containsExactly(0, 3, 6);
  }

  @Test
  void aRecordTellsOfAPlainJobATaskOrThePendingTasks() {
    assertThat(JobKey.of(record(12, null, null, null))).containsExactly(new JobKey(12, null));
    assertThat(JobKey.of(record(306, 305L, 0, null))).containsExactly(new JobKey(305, 0));
    assertThat(JobKey.of(record(305, 305L, null, "1-2%1")))
        .containsExactly(new JobKey(305, 1), new JobKey(305, 2));
    assertThat(new JobKey(305, 2).nativeId()).isEqualTo("305_2");
    assertThat(JobKey.parse("305_2")).isEqualTo(new JobKey(305, 2));
    assertThat(JobKey.parse("12")).isEqualTo(new JobKey(12, null));
    assertThat(JobKey.parse("12.batch")).isNull();
  }

  private static JobRecord record(long id, Long array, Integer task, String pending) {
    return new JobRecord(
        id,
        "n",
        null,
        List.of("PENDING"),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        false,
        "u",
        array,
        task,
        pending);
  }
}
