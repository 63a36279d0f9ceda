package io.fedflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.engine.EngineException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** What the engine refuses reaches the user as its message in one line, with exit code 7. */
class EngineErrorHandlerTest {

  /** A command the engine refuses, standing in for any run command. */
  @Command(name = "refused")
  static final class Refused implements Runnable {
    @Option(names = "--debug")
    boolean debug;

    @Option(names = "--bug")
    boolean bug;

    @Override
    public void run() {
      if (bug) {
        throw new IllegalStateException("no decider");
      }
      throw new EngineException(
          "the database /home/ada/.fedflow/fedflow is in use by another process\n(pid 4242)",
          new IllegalStateException("Database may be already in use"));
    }
  }

  private static Cli run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = new CommandLine(new Refused());
    cl.setExecutionExceptionHandler(new EngineErrorHandler());
    cl.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
    return new Cli(cl.execute(args), out.toString(), err.toString());
  }

  @Test
  void printsTheMessageInOneLineAndExitsWithSeven() {
    Cli r = run();

    assertThat(r.exitCode()).isEqualTo(7);
    assertThat(r.err())
        .isEqualTo(
            "fedflow: the database /home/ada/.fedflow/fedflow is in use by another process; (pid"
                + " 4242)\n");
  }

  @Test
  void printsTheTraceWithDebug() {
    Cli r = run("--debug");

    assertThat(r.exitCode()).isEqualTo(7);
    assertThat(r.err())
        .startsWith("fedflow: the database /home/ada/.fedflow/fedflow is in use")
        .contains("Caused by: java.lang.IllegalStateException: Database may be already in use");
  }

  @Test
  void leavesAnyOtherExceptionToTheInternalErrorHandler() {
    Cli r = run("--bug");

    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.err())
        .isEqualTo("fedflow: internal error: IllegalStateException: no decider (see --debug)\n");
  }
}
