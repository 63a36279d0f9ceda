package io.fedflow.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.Console;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import picocli.CommandLine.Option;

/** {@code --plain} and {@code --quiet}: how {@code run} and {@code resume} show progress. */
final class DisplayOptions {
  @Option(
      names = "--plain",
      description =
          "Progress as plain lines, as when the output is not a terminal (also when TERM=dumb).")
  boolean plain;

  @Option(
      names = "--quiet",
      description = "No progress: only the line naming the run and the summary at its end.")
  boolean quiet;

  enum Mode {
    BAR,
    LINES,
    NONE
  }

  /** What to show: a bar only when standard output is a terminal that can redraw a line. */
  Mode mode(boolean terminal, String term) {
    if (quiet) {
      return Mode.NONE;
    }
    return plain || !terminal || "dumb".equals(term) ? Mode.LINES : Mode.BAR;
  }

  ProgressDisplay open(String workflowName, PrintWriter out) {
    return switch (mode(onTerminal(), System.getenv("TERM"))) {
      case NONE -> ProgressDisplay.NONE;
      case LINES -> PlainDisplay.started(out);
      case BAR -> {
        out.flush(); // what was printed comes before the bar, which writes to the descriptor
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, UTF_8);
        yield new BarDisplay(
            workflowName, new ConsoleProgressBarConsumer(stdout), BarDisplay.REFRESH_MILLIS);
      }
    };
  }

  /**
   * Whether standard input and output are a terminal. Up to Java 21 there is a console only then;
   * from Java 22 there may be one without a terminal, and {@code Console.isTerminal()} says.
   */
  static boolean onTerminal() {
    Console console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
    } catch (NoSuchMethodException beforeJava22) {
      return true;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot ask the console whether it is a terminal", e);
    }
  }
}
