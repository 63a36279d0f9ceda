package io.fedflow.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The exit codes of every fedflow command, documented in each command's usage help. */
final class Exit {
  static final int OK = 0;
  static final int INVALID = 1;
  static final int USAGE = 2;
  static final int UNREADABLE = 3;
  static final int INTERNAL = 4;

  private Exit() {}

  /** For picocli's usage help: code, then what it means. */
  static Map<String, String> descriptions() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(" " + OK, "success");
    m.put(" " + INVALID, "a workflow is invalid (with the --param values given)");
    m.put(" " + USAGE, "a usage error: unknown option, missing argument, bad value");
    m.put(" " + UNREADABLE, "a file cannot be read: missing, a directory, no permission");
    m.put(" " + INTERNAL, "an internal error of fedflow (details with --debug)");
    return m;
  }
}
