package io.fedflow.cli;

import io.fedflow.engine.RunUsage;
import java.math.BigDecimal;
import java.math.MathContext;

/** Energy and billing as a user reads them: {@code 12.3 kJ}, {@code 4}, {@code 0.0417}. */
final class UsageWords {
  private static final String[] JOULES = {"J", "kJ", "MJ", "GJ", "TJ"};

  private UsageWords() {}

  /** {@code 850 J}, {@code 12.3 kJ}, {@code 123 kJ}, {@code 1.5 MJ}; {@code -} for null. */
  static String energy(Long joules) {
    if (joules == null) {
      return "-";
    }
    double v = joules;
    int unit = 0;
    while (v >= 1000 && unit < JOULES.length - 1) {
      v /= 1000;
      unit++;
    }
    return (unit == 0 ? Long.toString(joules) : number(v)) + " " + JOULES[unit];
  }

  /** A billing as Slurm gives it, without a trailing {@code .0}; {@code -} for null. */
  static String billing(Double billing) {
    return billing == null ? "-" : number(billing);
  }

  /**
   * The line under a run's table when a site told energy or billing: {@code Measured by the sites:
   * 12.3 kJ over 3 attempts; billed 0.0417 billing-hours over 3 attempts (billing × hours run).}
   */
  static String total(RunUsage u) {
    StringBuilder s = new StringBuilder("Measured by the sites: ");
    if (u.measuredAttempts() > 0) {
      s.append(energy(u.energyJoules()))
          .append(" over ")
          .append(PlanWords.count(u.measuredAttempts(), "attempt"));
    } else {
      s.append("no energy");
    }
    if (u.billedAttempts() > 0) {
      s.append("; billed ")
          .append(number(u.billingHours()))
          .append(" billing-hours over ")
          .append(PlanWords.count(u.billedAttempts(), "attempt"))
          .append(" (billing × hours run)");
    }
    return s.append('.').toString();
  }

  /** Three significant digits at most, no exponent, no trailing zeros. */
  private static String number(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }
}
