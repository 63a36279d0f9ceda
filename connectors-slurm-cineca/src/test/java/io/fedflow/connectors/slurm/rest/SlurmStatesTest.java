package io.fedflow.connectors.slurm.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.connectors.slurm.rest.v0040.model.V0042JobInfo;
import io.fedflow.engine.connector.Observation;
import io.fedflow.engine.connector.SiteState;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlurmStatesTest {

  static JobRecord job(List<String> states, Integer exit, Integer signal) {
    return new JobRecord(
        1,
        "t",
        null,
        states,
        exit,
        signal,
        null,
        Instant.ofEpochSecond(10),
        Instant.ofEpochSecond(20),
        null,
        null,
        null,
        false,
        null,
        null,
        null,
        null);
  }

  /** A job of one state whose billing is 4. */
  static JobRecord billed(String state, Integer exit, Long energy, boolean fromAccounting) {
    return new JobRecord(
        1,
        "t",
        null,
        List.of(state),
        exit,
        null,
        null,
        null,
        null,
        null,
        4.0,
        energy,
        fromAccounting,
        null,
        null,
        null,
        null);
  }

  @Test
  void aPendingJobsBillingIsAnEstimateAndNotObserved() {
    JobRecord pending = billed("PENDING", null, null, false);

    Observation o = SlurmStates.observe(pending);

    assertThat(o.billing()).isNull();
    assertThat(o.energyJoules()).isNull();
  }

  @Test
  void aRunningOrEndedJobTellsItsBillingAndEnergy() {
    JobRecord running = billed("RUNNING", null, null, false);
    JobRecord done = billed("COMPLETED", 0, 5400L, true);

    assertThat(SlurmStates.observe(running).billing()).isEqualTo(4.0);
    assertThat(SlurmStates.observe(done))
        .extracting(Observation::billing, Observation::energyJoules)
        .containsExactly(4.0, 5400L);
  }

  @Test
  void everyStateNameTheSpecListsHasARow() {
    List<String> names =
        Arrays.stream(V0042JobInfo.JobStateEnum.values())
            .filter(s -> s != V0042JobInfo.JobStateEnum.UNKNOWN_DEFAULT_OPEN_API)
            .map(V0042JobInfo.JobStateEnum::getValue)
            .toList();

    assertThat(names).hasSizeGreaterThan(20);
    for (String name : names) {
      assertThat(
              SlurmStates.BASE.containsKey(name)
                  || SlurmStates.FLAGS.containsKey(name)
                  || SlurmStates.NEUTRAL_FLAGS.contains(name))
          .as(name)
          .isTrue();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "PENDING, QUEUED, false",
    "CONFIGURING, QUEUED, false",
    "RUNNING, RUNNING, false",
    "COMPLETING, RUNNING, false",
    "SUSPENDED, RUNNING, false",
    "COMPLETED, SUCCEEDED, false",
    "FAILED, FAILED, false",
    "TIMEOUT, FAILED, false",
    "CANCELLED, CANCELLED, false",
    "OUT_OF_MEMORY, FAILED, false",
    "DEADLINE, FAILED, false",
    "NODE_FAIL, FAILED, true",
    "PREEMPTED, FAILED, true",
    "BOOT_FAIL, FAILED, true",
    "REQUEUED, QUEUED, false",
  })
  void eachStateMapsAsTheTableSays(String name, SiteState state, boolean siteFault) {
    Observation o = SlurmStates.observe(job(List.of(name), null, null));

    assertThat(o.state()).isEqualTo(state);
    assertThat(o.siteFault()).isEqualTo(siteFault);
  }

  @Test
  void aFlagOverridesTheBaseState() {
    assertThat(SlurmStates.observe(job(List.of("COMPLETED", "COMPLETING"), 0, null)).state())
        .as("still cleaning up")
        .isEqualTo(SiteState.RUNNING);
    assertThat(SlurmStates.observe(job(List.of("PENDING", "REQUEUED"), null, null)).state())
        .isEqualTo(SiteState.QUEUED);
    assertThat(SlurmStates.observe(job(List.of("RUNNING", "UPDATE_DB"), null, null)).state())
        .isEqualTo(SiteState.RUNNING);
  }

  @Test
  void anEndedJobCarriesItsExitCodeAndWhy() {
    Observation failed = SlurmStates.observe(job(List.of("FAILED"), 3, null));
    assertThat(failed.exitCode()).isEqualTo(3);
    assertThat(failed.ended()).isEqualTo(Instant.ofEpochSecond(20));

    Observation timeout = SlurmStates.observe(job(List.of("TIMEOUT"), null, 15));
    assertThat(timeout.exitCode()).isEqualTo(143);
    assertThat(timeout.reason()).isEqualTo("walltime exceeded");

    Observation running = SlurmStates.observe(job(List.of("RUNNING"), 0, null));
    assertThat(running.exitCode()).isNull();
    assertThat(running.ended()).isNull();
  }

  @Test
  void aNameOutsideTheTableIsUnknown() {
    Observation o = SlurmStates.observe(job(List.of("WEIRD_NEW_STATE"), null, null));

    assertThat(o.state()).isEqualTo(SiteState.UNKNOWN);
    assertThat(o.reason()).contains("WEIRD_NEW_STATE");
  }
}
