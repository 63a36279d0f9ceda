package io.fedflow.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** Runs {@code fedflow} in-process, as main() would, capturing what a user would see. */
record Cli(int exitCode, String out, String err) {

  /** The test workflows, relative to the module folder where the tests run. */
  static final String WORKFLOWS = "src/test/resources/workflows/";

  /** A workflow of the repository's examples/ folder, found from the module folder. */
  static String example(String name) {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path example = p.resolve("examples").resolve(name);
      if (Files.isRegularFile(example)) {
        return example.toString();
      }
    }
    throw new IllegalStateException(
        "no examples/" + name + " above " + Path.of("").toAbsolutePath());
  }

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
