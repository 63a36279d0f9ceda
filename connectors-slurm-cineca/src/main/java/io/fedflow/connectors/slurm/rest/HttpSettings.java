package io.fedflow.connectors.slurm.rest;

import java.time.Duration;

/**
 * How patient the transport is with one site.
 *
 * @param connectTimeout to open a connection
 * @param requestTimeout from sending a request to the end of its answer
 * @param retries further tries after a failure worth trying again
 * @param firstBackoff the wait before the first retry, doubled each time up to {@code maxBackoff}
 * @param breakerFailures failures in a row that open the site's circuit breaker
 * @param breakerOpen how long an open breaker refuses requests before it lets one through
 */
public record HttpSettings(
    Duration connectTimeout,
    Duration requestTimeout,
    int retries,
    Duration firstBackoff,
    Duration maxBackoff,
    int breakerFailures,
    Duration breakerOpen) {

  public HttpSettings {
    if (retries < 0 || breakerFailures < 1) {
      throw new IllegalArgumentException(
          "retries must be 0 or more and breaker failures 1 or more");
    }
    if (firstBackoff.compareTo(maxBackoff) >= 0) {
      throw new IllegalArgumentException("the first backoff must be shorter than the longest");
    }
  }

  public static final HttpSettings DEFAULTS =
      new HttpSettings(
          Duration.ofSeconds(10),
          Duration.ofSeconds(60),
          3,
          Duration.ofMillis(500),
          Duration.ofSeconds(8),
          5,
          Duration.ofSeconds(30));
}
