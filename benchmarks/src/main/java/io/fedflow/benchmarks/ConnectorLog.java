package io.fedflow.benchmarks;

import java.io.StringWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.LoggerConfig;
import org.apache.logging.log4j.core.layout.PatternLayout;

/**
 * The line the Slurm connector logs when it closes ({@code site X sent slurmrestd N requests (...),
 * K KiB received}), caught so that a benchmark reads the requests a run made as a user would read
 * them, from the connector itself.
 */
final class ConnectorLog {
  private static final String LOGGER = "io.fedflow.connectors.slurm.SlurmConnector";
  private static final Pattern COUNT = Pattern.compile("(\\d+) (GET|POST|DELETE) (\\S+?)[,)]");
  private static final Pattern KIB = Pattern.compile("(\\d+) KiB received");
  private static final Pattern UNCHANGED =
      Pattern.compile("(\\d+) job listings answered unchanged");
  private final StringWriter lines = new StringWriter();

  ConnectorLog() {
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    Configuration config = ctx.getConfiguration();
    WriterAppender appender =
        WriterAppender.newBuilder()
            .setName("connector-counts")
            .setTarget(lines)
            .setLayout(PatternLayout.newBuilder().withPattern("%m%n").build())
            .build();
    appender.start();
    config.addAppender(appender);
    LoggerConfig logger = new LoggerConfig(LOGGER, Level.INFO, false);
    logger.addAppender(appender, Level.INFO, null);
    config.addLogger(LOGGER, logger);
    ctx.updateLoggers();
  }

  /** The counts of the last line logged since the last call, by {@code METHOD endpoint}. */
  synchronized Counts take() {
    String text = lines.toString();
    lines.getBuffer().setLength(0);
    String last =
        text.lines().filter(l -> l.contains(" sent slurmrestd ")).reduce((a, b) -> b).orElse("");
    Map<String, Long> counts = new TreeMap<>();
    Matcher m = COUNT.matcher(last);
    while (m.find()) {
      counts.put(m.group(2) + " " + m.group(3), Long.parseLong(m.group(1)));
    }
    Matcher k = KIB.matcher(last);
    Matcher u = UNCHANGED.matcher(last);
    return new Counts(
        counts,
        k.find() ? Long.parseLong(k.group(1)) : 0,
        u.find() ? Long.parseLong(u.group(1)) : 0,
        last);
  }

  /**
   * Requests by endpoint, the KiB of the answers and the job listings slurmctld answered
   * "unchanged", as the connector logged them.
   */
  record Counts(Map<String, Long> byEndpoint, long kib, long unchanged, String line) {
    long total() {
      return byEndpoint.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Requests whose endpoint starts with this text ({@code POST /slurm/job/submit}). */
    long of(String prefix) {
      return byEndpoint.entrySet().stream()
          .filter(e -> e.getKey().startsWith(prefix))
          .mapToLong(Map.Entry::getValue)
          .sum();
    }
  }
}
