package io.fedflow.cli;

import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.FileAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * The full log of a run, {@code <run folder>/fedflow.log}, written while this process follows it:
 * fedflow's own messages from DEBUG up, and the libraries' warnings. A process follows one run at a
 * time, so the file takes every thread's messages, the engine's pools included. A resumed run
 * appends to it.
 */
final class RunLog implements AutoCloseable {
  static final String FILE = "fedflow.log";

  private static final String LOGGER = "io.fedflow";

  private final LoggerContext context;
  private final FileAppender appender;

  private RunLog(LoggerContext context, FileAppender appender) {
    this.context = context;
    this.appender = appender;
  }

  static RunLog attach(Path runDir) {
    LoggerContext context = LoggerContext.getContext(false);
    Configuration config = context.getConfiguration();
    FileAppender appender =
        FileAppender.newBuilder()
            .setName("run " + runDir)
            .withFileName(runDir.resolve(FILE).toString())
            .withAppend(true)
            .setLayout(
                PatternLayout.newBuilder()
                    .withConfiguration(config)
                    .withPattern("%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%t] %c{1.}: %m%n")
                    .build())
            .setConfiguration(config)
            .build();
    appender.start();
    // Root passes everything that reaches it to the file; its own level keeps libraries at WARN.
    config.getRootLogger().addAppender(appender, null, null);
    LoggerConfig fedflow =
        LoggerConfig.newBuilder()
            .withLoggerName(LOGGER)
            .withLevel(Level.DEBUG)
            .withAdditivity(true)
            .withConfig(config)
            .build();
    config.addLogger(LOGGER, fedflow);
    context.updateLoggers();
    return new RunLog(context, appender);
  }

  @Override
  public void close() {
    Configuration config = context.getConfiguration();
    config.removeLogger(LOGGER);
    config.getRootLogger().removeAppender(appender.getName());
    context.updateLoggers();
    appender.stop();
  }
}
