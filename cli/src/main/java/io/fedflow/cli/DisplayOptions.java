package io.fedflow.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

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

  /**
   * What to show: a bar only when standard output is a terminal that can redraw a line. {@code
   * System.console()} is null when standard input or output is not a terminal.
   */
  Mode mode(boolean terminal, String term) {
    if (quiet) {
      return Mode.NONE;
    }
    return plain || !terminal || "dumb".equals(term) ? Mode.LINES : Mode.BAR;
  }

  ProgressDisplay open(String workflowName, PrintWriter out) {
    return switch (mode(System.console() != null, System.getenv("TERM"))) {
      case NONE -> ProgressDisplay.NONE;
      case LINES -> new PlainDisplay(out);
      case BAR -> {
        out.flush(); // what was printed comes before the bar, which writes to the descriptor
        PrintStream stdout = new PrintStream(new FileOutputStream(FileDescriptor.out), true, UTF_8);
        yield new BarDisplay(
            workflowName, new ConsoleProgressBarConsumer(stdout), BarDisplay.REFRESH_MILLIS);
      }
    };
  }
}
