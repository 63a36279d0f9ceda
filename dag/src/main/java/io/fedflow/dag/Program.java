package io.fedflow.dag;

import java.util.List;

/**
 * What a job runs. Exactly one form per job. None of them goes through a shell: an argument list is
 * executed as it is, and a script is written to a file that is executed (its interpreter comes from
 * its {@code #!} line, {@code /bin/sh} when it has none).
 *
 * <p>Maps onto JSDL's POSIXApplication: Executable is the first argument (or the script), Argument
 * the rest.
 */
public sealed interface Program {

  /** An argument list, executed without a shell: {@code [python3, train.py, --lr, 0.01]}. */
  record Command(List<String> argv) implements Program {
    public Command {
      argv = Copies.list(argv);
    }
  }

  /** A script written inline in the workflow, executed as a file with the given arguments. */
  record InlineScript(String body, List<String> args) implements Program {
    public InlineScript {
      Copies.required(body, "a script body");
      args = Copies.list(args);
    }
  }

  /** A script file (relative to the workflow file's folder or absolute) with its arguments. */
  record ScriptFile(String path, List<String> args) implements Program {
    public ScriptFile {
      Copies.required(path, "a script file path");
      args = Copies.list(args);
    }
  }
}
