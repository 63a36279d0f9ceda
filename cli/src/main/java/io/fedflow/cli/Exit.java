package io.fedflow.cli;

import io.fedflow.engine.RunState;
import java.util.LinkedHashMap;
import java.util.Map;

/** The exit codes of every fedflow command, documented in each command's usage help. */
final class Exit {
  static final int OK = 0;
  static final int INVALID = 1;
  static final int USAGE = 2;
  static final int UNREADABLE = 3;
  static final int INTERNAL = 4;
  static final int RUN_FAILED = 5;
  static final int RUN_CANCELLED = 6;
  static final int ENGINE = 7;

  /** Every code, for {@code fedflow --help}. */
  static final int[] ALL = {
    OK, INVALID, USAGE, UNREADABLE, INTERNAL, RUN_FAILED, RUN_CANCELLED, ENGINE
  };

  /** The codes of the commands that only read workflow files. */
  static final int[] FILE_COMMANDS = {OK, INVALID, USAGE, UNREADABLE, INTERNAL};

  /** The codes of {@code run}: it reads a workflow and follows the run to its end. */
  static final int[] RUN_COMMAND = ALL;

  /** The codes of {@code submit}: it reads a workflow and records a run, but does not follow it. */
  static final int[] SUBMIT_COMMAND = {OK, INVALID, USAGE, UNREADABLE, INTERNAL, ENGINE};

  /** The codes of {@code resume}: it follows a recorded run to its end. */
  static final int[] RESUME_COMMAND = {
    OK, INVALID, USAGE, UNREADABLE, INTERNAL, RUN_FAILED, RUN_CANCELLED, ENGINE
  };

  /** The codes of the commands that look up or change a recorded run. */
  static final int[] LOOKUP_COMMANDS = {OK, USAGE, INTERNAL, ENGINE};

  /** The codes of {@code logs}: a lookup that reads a file. */
  static final int[] LOGS_COMMAND = {OK, USAGE, UNREADABLE, INTERNAL, ENGINE};

  /** A command that says which of these codes it can return, for its usage help. */
  interface Documented {
    int[] exitCodes();
  }

  private Exit() {}

  /** What {@code fedflow run} and {@code fedflow resume} return for a run that ended so. */
  static int of(RunState end) {
    return switch (end) {
      case SUCCEEDED -> OK;
      case FAILED -> RUN_FAILED;
      case CANCELLED -> RUN_CANCELLED;
      case RUNNING -> throw new IllegalStateException("the engine stopped following a running run");
    };
  }

  /** For picocli's usage help: code, then what it means. */
  static Map<String, String> descriptions(int... codes) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int code : codes) {
      m.put(" " + code, description(code));
    }
    return m;
  }

  private static String description(int code) {
    return switch (code) {
      case OK -> "success";
      case INVALID ->
          "a workflow or sites file is invalid (with the --param values given), or a job fits no"
              + " site";
      case USAGE -> "a usage error: unknown option, missing argument, bad value";
      case UNREADABLE -> "a file cannot be read: missing, a directory, no permission";
      case INTERNAL -> "an internal error of fedflow (details with --debug)";
      case RUN_FAILED -> "the run failed: a job failed for good";
      case RUN_CANCELLED -> "the run was cancelled";
      case ENGINE -> "no such run or job, or the engine's database is locked or corrupt";
      default -> throw new IllegalArgumentException("no exit code " + code);
    };
  }
}
