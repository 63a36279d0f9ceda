package io.fedflow.cli;

import io.fedflow.engine.EngineException;
import io.fedflow.engine.site.SitesException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * A {@link SitesException} (a bad sites file, a job that fits no site) prints its problems one per
 * line and exits with {@value Exit#INVALID}, or {@value Exit#UNREADABLE} for a file that cannot be
 * read. Another {@link EngineException} is something the user must act on (no such run, a locked or
 * corrupt database): its message in one line and exit code {@value Exit#ENGINE}; {@code --debug}
 * adds the trace. Any other exception is a bug, for {@link UnexpectedErrorHandler}.
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
    if (ex instanceof SitesException s) {
      s.problems().forEach(err::println); // each names its file and line, or its job
      err.flush();
      return s.unreadable() ? Exit.UNREADABLE : Exit.INVALID;
    }
    err.println("fedflow: " + ex.getMessage().strip().replaceAll("\\s*\\R\\s*", "; "));
    if (UnexpectedErrorHandler.debugRequested(parsed)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return Exit.ENGINE;
  }
}
