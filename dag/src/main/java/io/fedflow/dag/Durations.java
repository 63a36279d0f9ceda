package io.fedflow.dag;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes durations the way batch users write them: {@code 2h30m}, {@code 90s}, {@code
 * 1d12h}, {@code 500ms}. Units must appear in order from days to milliseconds, each at most once.
 */
public final class Durations {
  private static final Pattern FORM =
      Pattern.compile("(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m(?!s))?(?:(\\d+)s)?(?:(\\d+)ms)?");

  private Durations() {}

  /**
   * Parses a duration such as {@code 2h30m}.
   *
   * @throws IllegalArgumentException naming what was expected
   */
  public static Duration parse(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (text.isBlank() || !m.matches()) {
      throw new IllegalArgumentException("a duration like 2h30m, 90s or 1d");
    }
    try {
      Duration d = Duration.ZERO;
      d = d.plusDays(part(m, 1)).plusHours(part(m, 2)).plusMinutes(part(m, 3));
      return d.plusSeconds(part(m, 4)).plusMillis(part(m, 5));
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("a duration of a reasonable length");
    }
  }

  private static long part(Matcher m, int group) {
    String g = m.group(group);
    return g == null ? 0 : Long.parseLong(g);
  }

  /** The shortest text that {@link #parse} reads back as the same duration. */
  public static String format(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("a duration cannot be negative: " + d);
    }
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder out = new StringBuilder();
    append(out, d.toDaysPart(), "d");
    append(out, d.toHoursPart(), "h");
    append(out, d.toMinutesPart(), "m");
    append(out, d.toSecondsPart(), "s");
    append(out, d.toMillisPart(), "ms");
    return out.toString();
  }

  private static void append(StringBuilder out, long value, String unit) {
    if (value > 0) {
      out.append(value).append(unit);
    }
  }
}
