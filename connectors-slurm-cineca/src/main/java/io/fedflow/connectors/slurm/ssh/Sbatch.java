package io.fedflow.connectors.slurm.ssh;

import io.fedflow.connectors.slurm.rest.JobRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A {@link JobRequest} as an {@code sbatch} command line and the script on its stdin.
 *
 * <p>The environment: over REST a job gets exactly the variables sent (plus Slurm's own). sbatch
 * would give the job the login session's environment, so the command says {@code --export=NONE}
 * (Slurm's own variables, and the user's login environment that slurmd loads on the node, as {@code
 * --get-user-env} does), and the script begins by exporting the request's variables, the site's
 * {@code PATH} first: the job sees the same values as over REST, and no value passes through
 * Slurm's comma-separated {@code --export} list or the submitting shell.
 */
final class Sbatch {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private Sbatch() {}

  /** {@code sbatch --parsable} and one {@code --flag=value} word per field that is set. */
  static List<String> argv(JobRequest r) {
    if (!r.argv().isEmpty()) {
      throw new IllegalArgumentException("sbatch reads the script from stdin: it takes no argv");
    }
    List<String> a = new ArrayList<>();
    a.add("sbatch");
    a.add("--parsable");
    flag(a, "job-name", r.name());
    flag(a, "comment", r.comment());
    flag(a, "chdir", r.workdir());
    flag(a, "input", r.stdin());
    flag(a, "output", r.stdout());
    flag(a, "error", r.stderr());
    a.add("--ntasks=1");
    flag(a, "cpus-per-task", r.cpus());
    flag(a, "gres", r.gpuGres());
    flag(a, "mem", r.memoryMebibytes() == null ? null : r.memoryMebibytes() + "M");
    flag(a, "time", r.timeLimitMinutes());
    flag(a, "partition", r.partition());
    flag(a, "account", r.account());
    flag(a, "qos", r.qos());
    a.add("--export=NONE");
    return a;
  }

  private static void flag(List<String> a, String name, Object value) {
    if (value != null) {
      a.add("--" + name + "=" + value);
    }
  }

  /**
   * The request's script with the environment exported right after its {@code #!} line, every value
   * single-quoted.
   *
   * @throws IllegalArgumentException for a variable name a POSIX shell cannot export
   */
  static String script(JobRequest r) {
    StringBuilder env =
        new StringBuilder("# fedflow: the job's environment (sbatch --export=NONE)\n");
    Map<String, String> sorted = new TreeMap<>(r.environment());
    String path = sorted.remove("PATH");
    if (path != null) {
      env.append("export PATH=").append(RemoteLine.quote(path)).append('\n');
    }
    for (Map.Entry<String, String> e : sorted.entrySet()) {
      if (!NAME.matcher(e.getKey()).matches()) {
        throw new IllegalArgumentException(
            "environment variable '" + e.getKey() + "': a shell cannot export this name");
      }
      env.append("export ").append(e.getKey()).append('=').append(RemoteLine.quote(e.getValue()));
      env.append('\n');
    }
    String script = r.script();
    if (!script.startsWith("#!")) {
      return "#!/bin/sh\n" + env + script;
    }
    int eol = script.indexOf('\n');
    return eol < 0
        ? script + "\n" + env
        : script.substring(0, eol + 1) + env + script.substring(eol + 1);
  }
}
