package io.fedflow.engine.core;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The details of the frequent changes, made once per site or exit code rather than once per change:
 * each change is stored with its detail, and the same text again costs the journal a reference.
 * What varies per attempt (its number, token, native id) is in the job's row already.
 */
final class Details {
  private static final Map<String, String> SUBMITTING = new ConcurrentHashMap<>();
  private static final Map<String, String> ACCEPTED = new ConcurrentHashMap<>();
  private static final Map<String, String> QUEUED = new ConcurrentHashMap<>();
  private static final Map<String, String> RUNNING = new ConcurrentHashMap<>();
  private static final String[] EXIT_CODES = new String[256];

  static {
    for (int code = 0; code < EXIT_CODES.length; code++) {
      EXIT_CODES[code] = "exit code " + code;
    }
  }

  private Details() {}

  /** {@code submitting to local}. */
  static String submittingTo(String site) {
    return SUBMITTING.computeIfAbsent(site, s -> "submitting to " + s);
  }

  /** {@code accepted by local}. */
  static String acceptedBy(String site) {
    return ACCEPTED.computeIfAbsent(site, s -> "accepted by " + s);
  }

  /** {@code queued at local}. */
  static String queuedAt(String site) {
    return QUEUED.computeIfAbsent(site, s -> "queued at " + s);
  }

  /** {@code running at local}. */
  static String runningAt(String site) {
    return RUNNING.computeIfAbsent(site, s -> "running at " + s);
  }

  /** {@code exit code 3}. */
  static String exitCode(int code) {
    return code >= 0 && code < EXIT_CODES.length ? EXIT_CODES[code] : "exit code " + code;
  }
}
