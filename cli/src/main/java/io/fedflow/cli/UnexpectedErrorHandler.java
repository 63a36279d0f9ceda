package io.fedflow.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * An exception no command expected: a bug in fedflow. The user sees one line; {@code --debug} adds
 * the stack trace for the bug report. Everything a user can cause is reported by the commands.
 */
final class UnexpectedErrorHandler implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
    cl.getOut().flush(); // what was printed before the error comes before it
    PrintWriter err = cl.getErr();
    boolean debug = debugRequested(parsed);
    err.println("fedflow: internal error: " + oneLine(ex) + (debug ? "" : " (see --debug)"));
    if (debug) {
      ex.printStackTrace(err);
    }
    err.flush();
    return Exit.INTERNAL;
  }

  /** Whether {@code --debug} was given, before or after the subcommand's name. */
  static boolean debugRequested(ParseResult parsed) {
    for (ParseResult r = parsed; r != null; r = r.subcommand()) {
      if (r.hasMatchedOption("--debug")) {
        return true;
      }
    }
    return false;
  }

  private static String oneLine(Exception ex) {
    String type = ex.getClass().getSimpleName();
    String message = ex.getMessage();
    if (message == null || message.isBlank()) {
      return type;
    }
    return type + ": " + message.strip().replaceAll("\\s*\\R\\s*", "; ");
  }
}
