package io.fedflow.engine.store;

import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes changes as journal entries: compact byte arrays, one per round (a round larger than {@link
 * #MOST_BYTES} takes several). Each entry stands alone: a format byte, a base time, then one record
 * per change:
 *
 * <pre>
 * states    byte     from ordinal | to ordinal &lt;&lt; 4
 * fields    varint   which optional fields follow (the F_ bits)
 * position  zigzag   the instance's plan position, less the previous change's plus one
 * updatedAt zigzag   nanoseconds from the entry's base time
 * then, when present: attempt, site faults, token (its number in the run, or text), site (shared
 * text), native id (a number, or text), exit code, retry/start/end times (from the base time), the
 * detail (shared text), energy (zigzag joules), billing (a whole number as a varint, else the
 * double's 64 bits as a varint)
 * </pre>
 *
 * Shared text is written once per entry and then named by its number: {@code 2n+1} names the n-th,
 * {@code 2k} introduces a new text of k bytes.
 *
 * <p>Format 2 is format 1 with the energy and billing fields: an entry is written as format 1 when
 * none of its changes has them, so that an entry an earlier fedflow can read is still written for
 * it, and an earlier fedflow refuses, by its format byte, only the entries it could not read.
 */
final class ChangeEncoder {
  static final int FORMAT = 1;
  static final int FORMAT_USAGE = 2;
  static final int F_ATTEMPT = 1;
  static final int F_FAULTS = 1 << 1;
  static final int F_TOKEN = 1 << 2;
  static final int F_TOKEN_TEXT = 1 << 3;
  static final int F_SITE = 1 << 4;
  static final int F_NATIVE = 1 << 5;
  static final int F_NATIVE_TEXT = 1 << 6;
  static final int F_EXIT = 1 << 7;
  static final int F_RETRY = 1 << 8;
  static final int F_STARTED = 1 << 9;
  static final int F_ENDED = 1 << 10;
  static final int F_DETAIL = 1 << 11;
  static final int F_ENERGY = 1 << 12;
  static final int F_BILLING = 1 << 13;
  static final int F_BILLING_BITS = 1 << 14;

  /** An entry is closed once it holds this much; a larger round takes several entries. */
  static final int MOST_BYTES = 1 << 20;

  private final String tokenPrefix;
  private final ByteSink sink = new ByteSink(4096);
  private final Map<String, Integer> shared = new HashMap<>();
  private final List<byte[]> entries = new ArrayList<>();
  private long base;
  private long last;
  private boolean usage;

  /**
   * @param runId tokens of the form {@code <runId>.<n>} are written as n
   */
  ChangeEncoder(String runId) {
    this.tokenPrefix = runId + ".";
  }

  /** Adds a change of the instance at {@code position} in the plan. */
  void add(long position, JobState from, JobRow row, String detail) {
    if (sink.size() >= MOST_BYTES) {
      close();
    }
    if (sink.size() == 0) {
      base = nanos(row.updatedAt());
      last = -1;
      shared.clear();
      usage = false;
      sink.writeByte(FORMAT);
      sink.writeSignedVarLong(base);
    }
    long token = number(row.token(), tokenPrefix);
    long nativeId = number(row.nativeId(), "");
    int fields =
        (row.attempt() != 0 ? F_ATTEMPT : 0)
            | (row.siteFaults() != 0 ? F_FAULTS : 0)
            | (row.token() != null ? F_TOKEN | (token < 0 ? F_TOKEN_TEXT : 0) : 0)
            | (row.site() != null ? F_SITE : 0)
            | (row.nativeId() != null ? F_NATIVE | (nativeId < 0 ? F_NATIVE_TEXT : 0) : 0)
            | (row.exitCode() != null ? F_EXIT : 0)
            | (row.retryAt() != null ? F_RETRY : 0)
            | (row.startedAt() != null ? F_STARTED : 0)
            | (row.endedAt() != null ? F_ENDED : 0)
            | (detail != null ? F_DETAIL : 0)
            | (row.energyJoules() != null ? F_ENERGY : 0)
            | (row.billing() != null ? billingFlags(row.billing()) : 0);
    sink.writeByte(from.ordinal() | row.state().ordinal() << 4);
    sink.writeVarLong(fields);
    sink.writeSignedVarLong(position - last - 1);
    last = position;
    sink.writeSignedVarLong(nanos(row.updatedAt()) - base);
    if ((fields & F_ATTEMPT) != 0) {
      sink.writeVarLong(row.attempt());
    }
    if ((fields & F_FAULTS) != 0) {
      sink.writeVarLong(row.siteFaults());
    }
    if ((fields & F_TOKEN_TEXT) != 0) {
      sink.writeUtf8(row.token());
    } else if ((fields & F_TOKEN) != 0) {
      sink.writeVarLong(token);
    }
    if ((fields & F_SITE) != 0) {
      writeShared(row.site());
    }
    if ((fields & F_NATIVE_TEXT) != 0) {
      sink.writeUtf8(row.nativeId());
    } else if ((fields & F_NATIVE) != 0) {
      sink.writeVarLong(nativeId);
    }
    if ((fields & F_EXIT) != 0) {
      sink.writeSignedVarLong(row.exitCode());
    }
    writeTime(fields, F_RETRY, row.retryAt());
    writeTime(fields, F_STARTED, row.startedAt());
    writeTime(fields, F_ENDED, row.endedAt());
    if ((fields & F_DETAIL) != 0) {
      writeShared(detail);
    }
    if ((fields & (F_ENERGY | F_BILLING)) != 0) {
      writeUsage(fields, row);
    }
  }

  private void writeUsage(int fields, JobRow row) {
    usage = true;
    if ((fields & F_ENERGY) != 0) {
      sink.writeSignedVarLong(row.energyJoules());
    }
    if ((fields & F_BILLING_BITS) != 0) {
      sink.writeVarLong(Double.doubleToLongBits(row.billing()));
    } else if ((fields & F_BILLING) != 0) {
      sink.writeVarLong(row.billing().longValue());
    }
  }

  /** Billing as a whole number when it is one (the usual), else as the double's bits. */
  private static int billingFlags(double billing) {
    boolean whole = billing >= 0 && billing < 1L << 53 && billing == Math.rint(billing);
    return whole ? F_BILLING : F_BILLING | F_BILLING_BITS;
  }

  /** The entries written since the last call, and starts afresh. */
  List<byte[]> take() {
    close();
    List<byte[]> out = List.copyOf(entries);
    entries.clear();
    return out;
  }

  private void close() {
    if (sink.size() > 0) {
      if (usage) {
        sink.setByte(0, FORMAT_USAGE);
      }
      entries.add(sink.toArray());
      sink.clear();
    }
  }

  private void writeTime(int fields, int flag, Instant t) {
    if ((fields & flag) != 0) {
      sink.writeSignedVarLong(nanos(t) - base);
    }
  }

  private void writeShared(String s) {
    Integer n = shared.get(s);
    if (n != null) {
      sink.writeVarLong(2L * n + 1);
      return;
    }
    shared.put(s, shared.size());
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    sink.writeVarLong(2L * b.length);
    sink.writeBytes(b);
  }

  static long nanos(Instant t) {
    return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
  }

  static Instant instant(long nanos) {
    return Instant.ofEpochSecond(
        Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
  }

  /**
   * The number after {@code prefix} when {@code s} is the prefix and a number written plainly (no
   * sign, no leading zero, at most 18 digits), so that it reads back as the same text; else -1.
   */
  static long number(String s, String prefix) {
    if (s == null || !s.startsWith(prefix)) {
      return -1;
    }
    int from = prefix.length();
    int digits = s.length() - from;
    if (digits < 1 || digits > 18 || (digits > 1 && s.charAt(from) == '0')) {
      return -1;
    }
    long n = 0;
    for (int k = from; k < s.length(); k++) {
      char c = s.charAt(k);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }
}
