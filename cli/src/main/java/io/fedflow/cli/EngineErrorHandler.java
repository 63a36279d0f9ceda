package io.fedflow.cli;

import io.fedflow.engine.EngineException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * An {@link EngineException} is something the user must act on (no such run, a locked or corrupt
 * database): its message in one line and exit code {@value Exit#ENGINE}; {@code --debug} adds the
 * trace. Any other exception is a bug, for {@link UnexpectedErrorHandler}.
 */
final class EngineErrorHandler implements IExecutionExceptionHandler {
  private final UnexpectedErrorHandler unexpected = new UnexpectedErrorHandler();

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed)
      throws Exception {
    if (!(ex instanceof EngineException)) {
      return unexpected.handleExecutionException(ex, cl, parsed);
    }
    cl.getOut().flush(); // what was printed before the error comes before it
    PrintWriter err = cl.getErr();
    err.println("fedflow: " + ex.getMessage().strip().replaceAll("\\s*\\R\\s*", "; "));
    if (UnexpectedErrorHandler.debugRequested(parsed)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return Exit.ENGINE;
  }
}
