package io.fedflow.connectors.slurm.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.WriterAppender;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SlurmTokenTest {

  /** A clock the test moves by hand. */
  static final class HandClock extends Clock {
    Instant now = Instant.parse("2026-11-25T12:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  static String jwt(Instant exp, String who) {
    Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
    String payload = "{\"exp\":" + exp.getEpochSecond() + ",\"sun\":\"" + who + "\"}";
    return b.encodeToString("{\"alg\":\"HS256\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + b.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + ".c2ln";
  }

  @Test
  void aTokenIsReadAgainBeforeItsExpiry(@TempDir Path dir) throws Exception {
    HandClock clock = new HandClock();
    Path file = dir.resolve("jwt");
    String first = jwt(clock.now.plus(Duration.ofMinutes(30)), "a");
    Files.writeString(file, first);
    SlurmToken token = SlurmToken.parse("file:" + file, clock, n -> null);

    assertThat(token.current()).isEqualTo(first);
    String second = jwt(clock.now.plus(Duration.ofHours(2)), "b");
    Files.writeString(file, second);
    clock.now = clock.now.plus(Duration.ofMinutes(20));
    assertThat(token.current()).as("still 10 minutes left").isEqualTo(first);
    clock.now = clock.now.plus(Duration.ofMinutes(9));
    assertThat(token.current()).as("less than 2 minutes left").isEqualTo(second);
  }

  @Test
  void aCommandsOutputIsTheTokenWithoutItsPrefix() throws Exception {
    SlurmToken token =
        SlurmToken.parse("command:/bin/echo SLURM_JWT=abc.def.ghi", Clock.systemUTC(), n -> null);

    assertThat(token.current()).isEqualTo("abc.def.ghi");
    assertThat(token).hasToString("the command '/bin/echo SLURM_JWT=abc.def.ghi'");
  }

  @Test
  void aFailingCommandDoesNotShowItsOutput() {
    SlurmToken token = SlurmToken.parse("command:/bin/false", Clock.systemUTC(), n -> null);

    assertThatThrownBy(token::current).hasMessage("the command '/bin/false' exited with 1");
  }

  @Test
  void anUnsetVariableIsOneClearLine() {
    SlurmToken token = SlurmToken.parse("env:SLURM_JWT", Clock.systemUTC(), n -> null);

    assertThatThrownBy(token::current)
        .hasMessage("the Slurm token from the environment variable SLURM_JWT is empty or unset");
  }

  @Test
  void aTokenWrittenInlineIsRefused() {
    assertThatThrownBy(() -> SlurmToken.parse(Sites.TOKEN, Clock.systemUTC(), n -> null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(Sites.TOKEN);
  }

  @Test
  void theTokenAppearsInNoLogLineAndNoMessage() throws Exception {
    StringWriter log = new StringWriter();
    LoggerContext ctx = (LoggerContext) LogManager.getContext(false);
    WriterAppender appender =
        WriterAppender.newBuilder()
            .setName("capture")
            .setTarget(log)
            .setLayout(PatternLayout.newBuilder().withPattern("%m%n").build())
            .build();
    appender.start();
    ctx.getConfiguration().getRootLogger().addAppender(appender, Level.ALL, null);
    Configurator.setRootLevel(Level.ALL);
    StringBuilder messages = new StringBuilder();
    try (LoopbackSlurm server = new LoopbackSlurm()) {
      server.onBody(
          "GET",
          "/slurm/v0.0.42/jobs/",
          511,
          LoopbackSlurm.read("slurm-24.11-v0.0.42/jobs-badtoken-response"));
      server.onBody("GET", "/slurm/v0.0.38/jobs", 503, "busy");
      SlurmHttp http = Sites.http(server);
      var modern = new SlurmRest(http, ApiVersion.V0042, false);
      var old = new SlurmRest(http, ApiVersion.V0038, false);
      for (var call :
          java.util.List.<org.junit.jupiter.api.function.Executable>of(modern::jobs, old::jobs)) {
        try {
          call.execute();
        } catch (Throwable e) {
          messages.append(e).append('\n');
        }
      }
      assertThat(server.requests).isNotEmpty();
    } finally {
      ctx.getConfiguration().getRootLogger().removeAppender("capture");
      Configurator.setRootLevel(Level.ERROR);
    }

    assertThat(log.toString()).contains("retrying slurmrestd").doesNotContain(Sites.TOKEN);
    assertThat(messages.toString()).contains("511", "503").doesNotContain(Sites.TOKEN);
  }
}
