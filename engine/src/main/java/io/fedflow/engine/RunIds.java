package io.fedflow.engine;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Run ids: {@code yyyyMMdd-HHmmss-xxxx}, the UTC time of submission and four random hex digits. */
final class RunIds {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private RunIds() {}

  static String next(Instant now) {
    byte[] b = new byte[2];
    RANDOM.nextBytes(b);
    return TIME.format(now) + "-" + HexFormat.of().formatHex(b);
  }
}
