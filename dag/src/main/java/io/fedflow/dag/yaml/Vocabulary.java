package io.fedflow.dag.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields each kind of map of the format takes, and what to say about a field it does not: the
 * closest known field when the name is a near miss or a common synonym ({@code memroy}, {@code
 * depends_on}), or where the field belongs ({@code memory} under {@code resources}).
 */
enum Vocabulary {
  WORKFLOW(
      "a workflow field",
      "a map with version, name and jobs",
      "version",
      "name",
      "description",
      "params",
      "defaults",
      "limits",
      "jobs",
      "final"),
  DEFAULTS(
      "a defaults field",
      "a map of job settings",
      "labels",
      "env",
      "workdir",
      "container",
      "resources",
      "retries",
      "priority",
      "category",
      "placement"),
  JOB(
      "a job field",
      "a map of job fields",
      "description",
      "labels",
      "command",
      "script",
      "scriptFile",
      "args",
      "env",
      "workdir",
      "stdin",
      "stdout",
      "stderr",
      "container",
      "inputs",
      "outputs",
      "resources",
      "work",
      "retries",
      "priority",
      "category",
      "placement",
      "forEach",
      "needs"),
  RESOURCES(
      "a resources field",
      "a map like {cpus: 4, memory: 8GiB}",
      "cpus",
      "gpus",
      "gpuModel",
      "memory",
      "disk",
      "walltime"),
  WORK("a work field", "a map like {coreHours: 12}", "coreHours", "gpuHours", "runtime"),
  RETRIES("a retries field", "a map like {count: 3}", "count", "backoff"),
  BACKOFF(
      "a backoff field",
      "a map like {initial: 30s, factor: 2, max: 10m}",
      "initial",
      "factor",
      "max"),
  PLACEMENT(
      "a placement field",
      "a map like {sites: [cnaf], objective: energy}",
      "sites",
      "excludeSites",
      "objective",
      "deadline"),
  LIMITS("a limits field", "a map like {maxInFlight: 100}", "maxInFlight", "categories"),
  STAGING("a staging field", "a path or a map like {from: data.csv, to: in.csv}", "from", "to"),
  FAN_OUT(
      "a fan-out form",
      "a list of items, {range: {from: 0, to: 9}} or {matrix: {x: [1, 2]}}",
      "range",
      "matrix"),
  RANGE("a range field", "a map like {from: 0, to: 99}", "from", "to");

  /** Names people write for a field, by their {@link #normal} form. */
  private static final Map<String, String> SYNONYMS =
      Map.ofEntries(
          Map.entry("apiversion", "version"),
          Map.entry("parameters", "params"),
          Map.entry("vars", "params"),
          Map.entry("variables", "params"),
          Map.entry("tasks", "jobs"),
          Map.entry("steps", "jobs"),
          Map.entry("onexit", "final"),
          Map.entry("finally", "final"),
          Map.entry("cmd", "command"),
          Map.entry("image", "container"),
          Map.entry("environment", "env"),
          Map.entry("cwd", "workdir"),
          Map.entry("dir", "workdir"),
          Map.entry("workingdir", "workdir"),
          Map.entry("workingdirectory", "workdir"),
          Map.entry("dependson", "needs"),
          Map.entry("depends", "needs"),
          Map.entry("dependencies", "needs"),
          Map.entry("after", "needs"),
          Map.entry("requires", "needs"),
          Map.entry("retry", "retries"),
          Map.entry("maxretries", "retries"),
          Map.entry("mem", "memory"),
          Map.entry("ram", "memory"),
          Map.entry("cores", "cpus"),
          Map.entry("cpu", "cpus"),
          Map.entry("ncpus", "cpus"),
          Map.entry("time", "walltime"),
          Map.entry("timeout", "walltime"),
          Map.entry("site", "sites"));

  private final String field;
  private final String expected;
  private final List<String> names;

  Vocabulary(String field, String expected, String... names) {
    this.field = field;
    this.expected = expected;
    this.names = List.of(names);
  }

  /** What a map of this kind is, for "expected X but found a list". */
  String expected() {
    return expected;
  }

  boolean has(String name) {
    return names.contains(name);
  }

  /** What was expected instead of the unknown field {@code name}, with a hint when there is one. */
  String unknown(String name) {
    if (name.equals("<<")) {
      return field + " (YAML merge keys are not supported)";
    }
    if (this == DEFAULTS && JOB.has(name)) {
      return field + " (" + name + " is set by each job)";
    }
    String guess = guess(name);
    if (guess != null) {
      String last = guess.substring(guess.indexOf('.') + 1);
      if (!guess.equals(last) && last.equals(name)) {
        return field
            + " ("
            + name
            + " belongs under "
            + guess.substring(0, guess.indexOf('.'))
            + ")";
      }
      return field + " (did you mean '" + guess + "'?)";
    }
    return names.size() <= 9 ? field + " (one of " + String.join(", ", names) + ")" : field;
  }

  /** The known field {@code name} is most likely a misspelling of, or null. */
  private String guess(String name) {
    List<String> candidates = new ArrayList<>(names);
    for (Vocabulary nested : nested()) {
      for (String n : nested.names) {
        candidates.add(nested.parent() + "." + n);
      }
    }
    String wanted = normal(name);
    if (wanted.length() > 40) {
      return null;
    }
    String synonym = SYNONYMS.get(wanted);
    String best = null;
    int bestDistance = wanted.length() <= 4 ? 2 : 3;
    for (String c : candidates) {
      String last = normal(c.substring(c.indexOf('.') + 1));
      int d = last.equals(synonym) ? 0 : distance(wanted, last);
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  /** The maps whose fields are often written one level too high in this one. */
  private List<Vocabulary> nested() {
    return switch (this) {
      case JOB -> List.of(RESOURCES, PLACEMENT, WORK, FAN_OUT);
      case DEFAULTS -> List.of(RESOURCES, PLACEMENT);
      case RETRIES -> List.of(BACKOFF);
      default -> List.of();
    };
  }

  private String parent() {
    return switch (this) {
      case RESOURCES -> "resources";
      case PLACEMENT -> "placement";
      case WORK -> "work";
      case FAN_OUT -> "forEach";
      case BACKOFF -> "backoff";
      default -> throw new IllegalStateException(name());
    };
  }

  /** Lower case without separators, so that {@code script_file} meets {@code scriptFile}. */
  private static String normal(String name) {
    return name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "").replace(" ", "");
  }

  /** The edit distance with transpositions (optimal string alignment). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
