package io.fedflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Logging: a quiet console, and everything of fedflow in the run's own file. */
class RunLogTest {
  @TempDir Path runDir;

  private static final Logger ENGINE = LogManager.getLogger("io.fedflow.engine.Decider");
  private static final Logger LIBRARY = LogManager.getLogger("org.flywaydb.core.Flyway");

  @Test
  void theRunsFileHasFedflowFromDebugUpAndOnlyTheWarningsOfLibraries() throws Exception {
    RunLog log = RunLog.attach(runDir);
    ENGINE.debug("submit split as 20261125-193201-ab12.1");
    LIBRARY.info("Migrating schema to version 1");
    LIBRARY.warn("the database is newer than this Flyway");
    log.close();
    ENGINE.debug("after the run, nothing more goes to its file");

    assertThat(Files.readString(runDir.resolve("fedflow.log")).lines())
        .hasSize(2)
        .anySatisfy(
            l ->
                assertThat(l)
                    .endsWith("DEBUG [main] i.f.e.Decider: submit split as 20261125-193201-ab12.1"))
        .anySatisfy(
            l ->
                assertThat(l)
                    .endsWith("WARN  [main] o.f.c.Flyway: the database is newer than this Flyway"));
  }

  @Test
  void aResumedRunAppendsToItsFile() throws Exception {
    RunLog first = RunLog.attach(runDir);
    ENGINE.info("first");
    first.close();
    RunLog second = RunLog.attach(runDir);
    ENGINE.info("second");
    second.close();

    assertThat(Files.readString(runDir.resolve("fedflow.log")).lines()).hasSize(2);
  }

  @Test
  void theConsoleShowsWarningsInOneLineWithoutTheTrace() {
    LoggerContext context = LoggerContext.getContext(false);
    LogEvent event =
        Log4jLogEvent.newBuilder()
            .setLoggerName("io.fedflow.engine.connector.local")
            .setLevel(Level.WARN)
            .setMessage(new SimpleMessage("site local did not answer\nretrying in 5s"))
            .setThrown(new IllegalStateException("no pid file"))
            .build();

    String line =
        context
            .getConfiguration()
            .getAppenders()
            .get("console")
            .getLayout()
            .toSerializable(event)
            .toString();

    assertThat(line)
        .isEqualTo(
            "fedflow: warning: site local did not answer; retrying in 5s: no pid file"
                + System.lineSeparator());
    assertThat(context.getRootLogger().getLevel()).isEqualTo(Level.WARN);
  }
}
