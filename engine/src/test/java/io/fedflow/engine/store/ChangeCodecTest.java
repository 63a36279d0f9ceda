package io.fedflow.engine.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.fedflow.engine.EngineException;
import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The journal's binary entries: what was written before energy and billing still reads back. */
class ChangeCodecTest {
  private static final Instant T0 = Instant.parse("2026-11-26T01:00:00Z");

  /**
   * One entry as the encoder wrote it before the energy and billing fields (format 1): instance
   * {@code a} of run r1 ready, submitting to lab22, queued as 4242, succeeded with exit code 0.
   */
  private static final String FORMAT_1_ENTRY =
      "018080cdd3dba1b9eb311080100000126e65656473206d65742195100180897a01010a6c61623232267375626d"
          + "697474696e6720746f206c6162323232b510018092f4010101039221226163636570746564206279206c61"
          + "6232325"
          + "3b51d0180a0d9e61d01010392210080a8d6b90780f882ad16166578697420636f64652030";

  @Test
  void anEntryWrittenBeforeEnergyAndBillingReadsAsItDid() {
    List<StoredChange> read = decode(HexFormat.of().parseHex(FORMAT_1_ENTRY));

    assertThat(read)
        .extracting(StoredChange::to, StoredChange::nativeId, StoredChange::exitCode)
        .containsExactly(
            tuple(JobState.READY, null, null),
            tuple(JobState.SUBMITTING, null, null),
            tuple(JobState.QUEUED, "4242", null),
            tuple(JobState.SUCCEEDED, "4242", 0));
    StoredChange end = read.get(3);
    assertThat(end.startedAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(end.endedAt()).isEqualTo(T0.plusSeconds(3));
    assertThat(end.detail()).isEqualTo("exit code 0");
    assertThat(read).allSatisfy(c -> assertThat(c.energyJoules()).isNull());
    assertThat(read).allSatisfy(c -> assertThat(c.billing()).isNull());
  }

  @Test
  void anEntryWithoutEnergyOrBillingIsStillWrittenInFormat1ByteForByte() {
    assertThat(HexFormat.of().formatHex(encode(lifecycle(null, null)))).isEqualTo(FORMAT_1_ENTRY);
  }

  @Test
  void energyAndBillingRoundTripInFormat2() {
    byte[] whole = encode(lifecycle(123_456_789L, 4.0));
    byte[] fraction = encode(lifecycle(0L, 2.5));

    assertThat(whole[0]).isEqualTo((byte) 2);
    assertThat(decode(whole).get(3))
        .extracting(StoredChange::energyJoules, StoredChange::billing, StoredChange::detail)
        .containsExactly(123_456_789L, 4.0, "exit code 0");
    assertThat(decode(fraction).get(3))
        .extracting(StoredChange::energyJoules, StoredChange::billing)
        .containsExactly(0L, 2.5);
  }

  @Test
  void anEntryOfAnUnknownFormatIsRefusedByName() {
    byte[] entry = HexFormat.of().parseHex(FORMAT_1_ENTRY);
    entry[0] = 3;

    assertThatThrownBy(() -> decode(entry))
        .isInstanceOf(EngineException.class)
        .hasMessage("run r1: a journal entry has format 3, unknown to this fedflow");
  }

  private static List<StoredChange> decode(byte[] entry) {
    List<StoredChange> out = new ArrayList<>();
    new ChangeDecoder("r1").decode(entry, out::add);
    return out;
  }

  private static byte[] encode(List<JobRow> rows) {
    ChangeEncoder e = new ChangeEncoder("r1");
    JobState from = JobState.WAITING;
    String[] details = {"needs met", "submitting to lab22", "accepted by lab22", "exit code 0"};
    for (int k = 0; k < rows.size(); k++) {
      e.add(0, from, rows.get(k), details[k]);
      from = rows.get(k).state();
    }
    List<byte[]> entries = e.take();
    assertThat(entries).hasSize(1);
    return entries.get(0);
  }

  /** The rows of the entry above, the last one with this energy and billing. */
  private static List<JobRow> lifecycle(Long energy, Double billing) {
    return List.of(
        JobRow.unattempted("a", "a", 0, JobState.READY, T0),
        row(JobState.SUBMITTING, null, null, null, null, null, T0.plusMillis(1)),
        row(JobState.QUEUED, "4242", null, null, null, null, T0.plusMillis(2)),
        new JobRow(
            "a",
            "a",
            0,
            JobState.SUCCEEDED,
            1,
            0,
            "r1.1",
            "lab22",
            "4242",
            0,
            null,
            T0.plusSeconds(1),
            T0.plusSeconds(3),
            energy,
            billing,
            T0.plusSeconds(4)));
  }

  private static JobRow row(
      JobState state,
      String nativeId,
      Integer exit,
      Instant started,
      Instant ended,
      Long energy,
      Instant updated) {
    return new JobRow(
        "a", "a", 0, state, 1, 0, "r1.1", "lab22", nativeId, exit, null, started, ended, energy,
        null, updated);
  }
}
