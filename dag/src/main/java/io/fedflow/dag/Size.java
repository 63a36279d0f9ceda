package io.fedflow.dag;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of memory or disk in bytes, written with a unit: {@code 8GiB}, {@code 500MiB}, {@code
 * 2GB}. Binary (KiB, MiB, GiB, TiB) and decimal (KB, MB, GB, TB) units are both accepted; a bare
 * number is rejected, since "8" could mean bytes, megabytes or gigabytes depending on the tool.
 */
public record Size(long bytes) {
  private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s?([KMGT]i?B|B)");
  private static final String[] BINARY = {"TiB", "GiB", "MiB", "KiB"};

  public Size {
    if (bytes < 0) {
      throw new IllegalArgumentException("a size cannot be negative: " + bytes);
    }
  }

  public static Size ofMebibytes(long mib) {
    return new Size(Math.multiplyExact(mib, 1L << 20));
  }

  public static Size ofGibibytes(long gib) {
    return new Size(Math.multiplyExact(gib, 1L << 30));
  }

  /**
   * Parses a size such as {@code 8GiB}.
   *
   * @throws IllegalArgumentException naming what was expected
   */
  public static Size parse(String text) {
    Matcher m = FORM.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException("a size like 8GiB or 500MiB");
    }
    BigDecimal bytes =
        new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(multiplier(m.group(2))));
    try {
      return new Size(bytes.setScale(0, java.math.RoundingMode.CEILING).longValueExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("a size below 8EiB");
    }
  }

  private static long multiplier(String unit) {
    return switch (unit) {
      case "B" -> 1L;
      case "KB" -> 1_000L;
      case "MB" -> 1_000_000L;
      case "GB" -> 1_000_000_000L;
      case "TB" -> 1_000_000_000_000L;
      case "KiB" -> 1L << 10;
      case "MiB" -> 1L << 20;
      case "GiB" -> 1L << 30;
      case "TiB" -> 1L << 40;
      default -> throw new IllegalArgumentException("a size unit such as MiB or GiB");
    };
  }

  /** Mebibytes, rounded up: what batch systems such as Slurm take. */
  public long mebibytesCeil() {
    return (bytes + (1L << 20) - 1) >> 20;
  }

  /**
   * The largest binary unit that represents the size exactly, so that parse(toString()) is equal.
   */
  @Override
  public String toString() {
    for (String unit : BINARY) {
      long m = multiplier(unit);
      if (bytes != 0 && bytes % m == 0) {
        return (bytes / m) + unit;
      }
    }
    return bytes + "B";
  }
}
