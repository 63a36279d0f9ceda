package io.fedflow.dag;

import java.time.Duration;

/**
 * How often a failed job is tried again, and how long to wait before each try: the n-th retry waits
 * {@code initialDelay × factor^(n-1)}, never more than {@code maxDelay}.
 *
 * @param count retries after the first attempt (0: never retried)
 */
public record RetryPolicy(int count, Duration initialDelay, double factor, Duration maxDelay) {

  public static final Duration DEFAULT_INITIAL_DELAY = Duration.ofSeconds(30);
  public static final double DEFAULT_FACTOR = 2.0;
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofMinutes(10);
  public static final RetryPolicy NONE = times(0);

  public RetryPolicy {
    if (count < 0) {
      throw new IllegalArgumentException("retries cannot be negative: " + count);
    }
    Copies.required(initialDelay, "an initial delay");
    Copies.required(maxDelay, "a maximum delay");
    if (!(factor >= 1.0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("a backoff factor must be at least 1: " + factor);
    }
  }

  /** {@code count} retries with the default backoff (30s, doubling, at most 10m). */
  public static RetryPolicy times(int count) {
    return new RetryPolicy(count, DEFAULT_INITIAL_DELAY, DEFAULT_FACTOR, DEFAULT_MAX_DELAY);
  }

  public boolean hasDefaultBackoff() {
    return initialDelay.equals(DEFAULT_INITIAL_DELAY)
        && factor == DEFAULT_FACTOR
        && maxDelay.equals(DEFAULT_MAX_DELAY);
  }

  /** The wait before retry number {@code retry} (1 for the first retry). */
  public Duration delayBefore(int retry) {
    if (retry < 1) {
      throw new IllegalArgumentException("retries are counted from 1: " + retry);
    }
    double millis = initialDelay.toMillis() * Math.pow(factor, retry - 1.0);
    return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis((long) millis);
  }
}
