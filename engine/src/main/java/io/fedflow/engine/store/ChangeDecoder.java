package io.fedflow.engine.store;

import static io.fedflow.engine.store.ChangeEncoder.F_ATTEMPT;
import static io.fedflow.engine.store.ChangeEncoder.F_BILLING;
import static io.fedflow.engine.store.ChangeEncoder.F_BILLING_BITS;
import static io.fedflow.engine.store.ChangeEncoder.F_DETAIL;
import static io.fedflow.engine.store.ChangeEncoder.F_ENDED;
import static io.fedflow.engine.store.ChangeEncoder.F_ENERGY;
import static io.fedflow.engine.store.ChangeEncoder.F_EXIT;
import static io.fedflow.engine.store.ChangeEncoder.F_FAULTS;
import static io.fedflow.engine.store.ChangeEncoder.F_NATIVE;
import static io.fedflow.engine.store.ChangeEncoder.F_NATIVE_TEXT;
import static io.fedflow.engine.store.ChangeEncoder.F_RETRY;
import static io.fedflow.engine.store.ChangeEncoder.F_SITE;
import static io.fedflow.engine.store.ChangeEncoder.F_STARTED;
import static io.fedflow.engine.store.ChangeEncoder.F_TOKEN;
import static io.fedflow.engine.store.ChangeEncoder.F_TOKEN_TEXT;

import io.fedflow.engine.EngineException;
import io.fedflow.engine.JobState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads back the journal entries of one run that {@link ChangeEncoder} wrote. */
final class ChangeDecoder {
  private static final JobState[] STATES = JobState.values();

  private final String runId;
  private final String tokenPrefix;
  private long seq;

  ChangeDecoder(String runId) {
    this.runId = runId;
    this.tokenPrefix = runId + ".";
  }

  /** Hands each change of the entry to {@code sink}, in order; call in the entries' order. */
  void decode(byte[] entry, Consumer<StoredChange> sink) {
    ByteSource in = new ByteSource(entry);
    int format = in.readByte();
    if (format != ChangeEncoder.FORMAT && format != ChangeEncoder.FORMAT_USAGE) {
      throw new EngineException(
          "run " + runId + ": a journal entry has format " + format + ", unknown to this fedflow");
    }
    long base = in.readSignedVarLong();
    List<String> shared = new ArrayList<>();
    long position = -1;
    while (in.hasMore()) {
      int states = in.readByte();
      int fields = in.readVarInt();
      position += in.readSignedVarLong() + 1;
      Instant updatedAt = ChangeEncoder.instant(base + in.readSignedVarLong());
      int attempt = (fields & F_ATTEMPT) != 0 ? in.readVarInt() : 0;
      int faults = (fields & F_FAULTS) != 0 ? in.readVarInt() : 0;
      String token = null;
      if ((fields & F_TOKEN_TEXT) != 0) {
        token = in.readUtf8(in.readVarInt());
      } else if ((fields & F_TOKEN) != 0) {
        token = tokenPrefix + in.readVarLong();
      }
      String site = (fields & F_SITE) != 0 ? readShared(in, shared) : null;
      String nativeId = null;
      if ((fields & F_NATIVE_TEXT) != 0) {
        nativeId = in.readUtf8(in.readVarInt());
      } else if ((fields & F_NATIVE) != 0) {
        nativeId = Long.toString(in.readVarLong());
      }
      Integer exit = (fields & F_EXIT) != 0 ? Math.toIntExact(in.readSignedVarLong()) : null;
      Instant retryAt = time(in, fields, F_RETRY, base);
      Instant startedAt = time(in, fields, F_STARTED, base);
      Instant endedAt = time(in, fields, F_ENDED, base);
      String detail = (fields & F_DETAIL) != 0 ? readShared(in, shared) : null;
      Long energy = (fields & F_ENERGY) != 0 ? in.readSignedVarLong() : null;
      Double billing = null;
      if ((fields & F_BILLING_BITS) != 0) {
        billing = Double.longBitsToDouble(in.readVarLong());
      } else if ((fields & F_BILLING) != 0) {
        billing = (double) in.readVarLong();
      }
      sink.accept(
          new StoredChange(
              ++seq,
              position,
              STATES[states & 0xF],
              STATES[states >>> 4],
              attempt,
              faults,
              token,
              site,
              nativeId,
              exit,
              retryAt,
              startedAt,
              endedAt,
              energy,
              billing,
              updatedAt,
              detail));
    }
  }

  private static Instant time(ByteSource in, int fields, int flag, long base) {
    return (fields & flag) != 0 ? ChangeEncoder.instant(base + in.readSignedVarLong()) : null;
  }

  private static String readShared(ByteSource in, List<String> shared) {
    long code = in.readVarLong();
    if ((code & 1) != 0) {
      return shared.get((int) (code >>> 1));
    }
    String s = in.readUtf8((int) (code >>> 1));
    shared.add(s);
    return s;
  }
}
