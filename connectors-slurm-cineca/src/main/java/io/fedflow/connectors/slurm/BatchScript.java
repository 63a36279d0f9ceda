package io.fedflow.connectors.slurm;

import io.fedflow.dag.JobSpec;
import io.fedflow.dag.Program;
import io.fedflow.engine.connector.AttemptOutput;
import io.fedflow.engine.connector.ConnectorException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The batch script fedflow gives Slurm for one attempt: a small POSIX sh launcher that makes the
 * attempt's folders, runs the job's program in its working directory with its streams in the
 * attempt folder, and writes the program's exit code to {@code exit-code} there. Every value from
 * the workflow enters the script single-quoted, so the shell never parses a job's arguments.
 */
final class BatchScript {
  static final String EXIT_CODE = "exit-code";

  private BatchScript() {}

  /**
   * The launcher's text.
   *
   * @param paths where the attempt lives on the cluster
   */
  static String of(String jobId, JobSpec spec, ClusterPaths paths) throws ConnectorException {
    StringBuilder lines = new StringBuilder();
    attempt(jobId, spec, paths, lines);
    return of(jobId, lines);
  }

  /** The launcher of one attempt whose lines {@link #attempt} wrote. */
  static String of(String jobId, CharSequence attemptLines) {
    StringBuilder sh = new StringBuilder(attemptLines.length() + 256);
    sh.append("#!/bin/sh\n");
    sh.append("# fedflow: one attempt of ").append(oneLine(jobId)).append('\n');
    sh.append(attemptLines);
    end(sh);
    return sh.toString();
  }

  /**
   * The lines that make the attempt's folders and run its program, leaving the program's exit code
   * in {@code $?}; an error making or entering a folder exits at once.
   */
  static void attempt(String jobId, JobSpec spec, ClusterPaths paths, StringBuilder sh)
      throws ConnectorException {
    sh.append("attempt=").append(quote(paths.attempt())).append('\n');
    sh.append("mkdir -p \"$attempt\" ").append(quote(paths.workdir())).append(" || exit 120\n");
    sh.append("cd ").append(quote(paths.workdir())).append(" || exit 121\n");
    String run = program(jobId, spec.program(), sh);
    sh.append(run).append(redirections(spec, paths)).append('\n');
  }

  /** Writes {@code $?} to the attempt's {@code exit-code}, atomically, and exits with it. */
  static void end(StringBuilder sh) {
    sh.append("code=$?\n");
    sh.append("printf '%s\\n' \"$code\" > \"$attempt/" + EXIT_CODE + ".tmp\"\n");
    sh.append("mv -f \"$attempt/" + EXIT_CODE + ".tmp\" \"$attempt/" + EXIT_CODE + "\"\n");
    sh.append("exit \"$code\"\n");
  }

  /**
   * The line that runs the program; an inline script (or a script file found on this machine) is
   * first written into the attempt folder by a quoted here-document, which the shell does not
   * expand.
   */
  private static String program(String jobId, Program program, StringBuilder sh)
      throws ConnectorException {
    if (program instanceof Program.Command c) {
      if (c.argv().isEmpty()) {
        throw new ConnectorException(jobId + ": the command is empty", false);
      }
      return words(c.argv());
    }
    if (program instanceof Program.InlineScript s) {
      return embedded(s.body(), s.args(), sh);
    }
    if (program instanceof Program.ScriptFile f) {
      Path local = Path.of(f.path());
      if (local.isAbsolute() && Files.isRegularFile(local)) {
        try {
          return embedded(Files.readString(local, StandardCharsets.UTF_8), f.args(), sh);
        } catch (IOException e) {
          throw new ConnectorException(
              jobId + ": cannot read script file " + local + ": " + e.getMessage(), false, e);
        }
      }
      // Not on this machine: a script on the cluster, run as the local connector would.
      String p = quote(f.path());
      return "if [ -x "
          + p
          + " ]; then "
          + words(prepend(f.path(), f.args()))
          + "; else "
          + words(prepend("/bin/sh", prepend(f.path(), f.args())))
          + "; fi";
    }
    throw new IllegalArgumentException("unknown program " + program);
  }

  private static String embedded(String body, List<String> args, StringBuilder sh) {
    String end = "FEDFLOW_SCRIPT_END";
    for (int i = 1; body.lines().anyMatch(end::equals); i++) {
      end = "FEDFLOW_SCRIPT_END_" + i;
    }
    sh.append("cat > \"$attempt/script\" <<'").append(end).append("'\n");
    sh.append(body);
    if (!body.endsWith("\n")) {
      sh.append('\n');
    }
    sh.append(end).append('\n');
    sh.append("chmod 700 \"$attempt/script\"\n");
    String runner = body.startsWith("#!") ? "" : "/bin/sh ";
    return runner + "\"$attempt/script\"" + (args.isEmpty() ? "" : " " + words(args));
  }

  /** Standard streams: the job's own files (relative to its working directory) or the attempt's. */
  private static String redirections(JobSpec spec, ClusterPaths paths) {
    String in = spec.stdin() == null ? "/dev/null" : spec.stdin();
    String out = paths.stream(spec, AttemptOutput.Stream.STDOUT);
    String err = paths.stream(spec, AttemptOutput.Stream.STDERR);
    String streams = " < " + quote(in) + " > " + quote(out);
    return streams + (out.equals(err) ? " 2>&1" : " 2> " + quote(err));
  }

  private static List<String> prepend(String first, List<String> rest) {
    return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream())
        .toList();
  }

  private static String words(List<String> argv) {
    return String.join(" ", argv.stream().map(BatchScript::quote).toList());
  }

  /** One shell word whatever the text: single quotes, each {@code '} written as {@code '\''}. */
  static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }

  static String oneLine(String text) {
    return text.replace('\r', ' ').replace('\n', ' ');
  }
}
