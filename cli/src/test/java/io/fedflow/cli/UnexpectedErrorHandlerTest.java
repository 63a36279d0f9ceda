package io.fedflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A bug in a command reaches the user as one line, with the trace only on request. */
class UnexpectedErrorHandlerTest {

  /** A command with a bug, standing in for any fedflow command. */
  @Command(name = "buggy")
  static final class Buggy implements Runnable {
    @Option(names = "--debug")
    boolean debug;

    @Override
    public void run() {
      throw new IllegalStateException("the plan lost job 'merge'\nwhile sorting");
    }
  }

  private static String run(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new Buggy());
    cl.setExecutionExceptionHandler(new UnexpectedErrorHandler());
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    assertThat(code).isEqualTo(Exit.INTERNAL);
    return err.toString();
  }

  @Test
  void printsOneLineWithoutTheTrace() {
    assertThat(run())
        .isEqualTo(
            "fedflow: internal error: IllegalStateException: the plan lost job 'merge'; while"
                + " sorting (see --debug)\n");
  }

  @Test
  void printsTheTraceWithDebug() {
    assertThat(run("--debug"))
        .startsWith(
            "fedflow: internal error: IllegalStateException: the plan lost job 'merge'; while"
                + " sorting\njava.lang.IllegalStateException: the plan lost job 'merge'\n")
        .contains("\tat io.fedflow.cli.UnexpectedErrorHandlerTest$Buggy.run(");
  }
}
