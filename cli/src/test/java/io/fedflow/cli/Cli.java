package io.fedflow.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs {@code fedflow} in-process, as main() would, capturing what a user would see. */
record Cli(int exitCode, String out, String err) {

  /** The test workflows, relative to the module folder where the tests run. */
  static final String WORKFLOWS = "src/test/resources/workflows/";

  static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.commandLine()
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(args);
    return new Cli(code, out.toString(), err.toString());
  }
}
