package io.fedflow.connectors.slurm.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.fedflow.engine.connector.ConnectorException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A slurmrestd JWT, found by reference and never held in a config: {@code file:/path}, {@code
 * env:NAME} or {@code command:scontrol token lifespan=7200} (an argument list split on spaces, run
 * without a shell; its output may be {@code SLURM_JWT=...}). It is read again before its {@code
 * exp} comes ({@link #RENEW_BEFORE}), and at once after slurmrestd refused it. The token's text
 * appears in no message, no log line and no {@code toString}.
 */
public final class SlurmToken {
  /** Renew this long before the token's {@code exp}. */
  static final Duration RENEW_BEFORE = Duration.ofMinutes(2);

  /** A token without {@code exp} is read again this often (a file may be rewritten). */
  static final Duration REREAD_WITHOUT_EXP = Duration.ofMinutes(1);

  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

  private final String kind;
  private final String where;
  private final Clock clock;
  private final UnaryOperator<String> environment;
  private String token;
  private Instant renewAt = Instant.MIN;

  private SlurmToken(String kind, String where, Clock clock, UnaryOperator<String> environment) {
    this.kind = kind;
    this.where = where;
    this.clock = clock;
    this.environment = environment;
  }

  /**
   * A token source from a reference such as {@code file:/home/u/.slurm-jwt}.
   *
   * @param environment looks up environment variables ({@code System::getenv})
   * @throws IllegalArgumentException naming the forms that are accepted
   */
  public static SlurmToken parse(String reference, Clock clock, UnaryOperator<String> environment) {
    int colon = reference == null ? -1 : reference.indexOf(':');
    String kind = colon < 0 ? "" : reference.substring(0, colon);
    String where = colon < 0 ? "" : reference.substring(colon + 1).strip();
    if (!List.of("file", "env", "command").contains(kind) || where.isEmpty()) {
      throw new IllegalArgumentException(
          "a token reference like file:/path/to/jwt, env:SLURM_JWT or command:scontrol token");
    }
    return new SlurmToken(kind, where, clock, environment);
  }

  /** The token to send now, read again when it is about to expire. */
  public synchronized String current() throws ConnectorException {
    if (token == null || !clock.instant().isBefore(renewAt)) {
      token = read();
      Instant exp = expiry(token);
      renewAt =
          exp == null
              ? clock.instant().plus(REREAD_WITHOUT_EXP)
              : exp.minus(RENEW_BEFORE).isAfter(clock.instant())
                  ? exp.minus(RENEW_BEFORE)
                  : clock.instant().plus(Duration.ofSeconds(10));
    }
    return token;
  }

  /** Forgets the token, so that the next request reads it again (after slurmrestd refused it). */
  public synchronized void forget() {
    token = null;
  }

  private String read() throws ConnectorException {
    String raw =
        switch (kind) {
          case "file" -> readFile();
          case "env" -> environment.apply(where);
          default -> runCommand();
        };
    if (raw == null || raw.isBlank()) {
      throw new ConnectorException("the Slurm token from " + this + " is empty or unset", false);
    }
    String t = raw.strip();
    if (t.startsWith("SLURM_JWT=")) {
      t = t.substring("SLURM_JWT=".length()).strip();
    }
    if (t.isEmpty() || t.chars().anyMatch(Character::isWhitespace)) {
      throw new ConnectorException(
          "the Slurm token from " + this + " is not one word (expected a JWT or SLURM_JWT=...)",
          false);
    }
    return t;
  }

  private String readFile() throws ConnectorException {
    try {
      return Files.readString(Path.of(where), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConnectorException("cannot read the Slurm token from " + this + ": " + e, false);
    }
  }

  private String runCommand() throws ConnectorException {
    List<String> argv = Arrays.asList(where.split("\\s+"));
    try {
      Process p =
          new ProcessBuilder(argv)
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
              .start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new ConnectorException(this + " did not finish in " + COMMAND_TIMEOUT, true);
      }
      if (p.exitValue() != 0) {
        // Its output is not shown: it may hold a token.
        throw new ConnectorException(this + " exited with " + p.exitValue(), true);
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConnectorException("cannot run " + this + ": " + e.getMessage(), false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConnectorException("interrupted while running " + this, true);
    }
  }

  /** The {@code exp} claim of a JWT, or null when the token is not a JWT or has none. */
  static Instant expiry(String jwt) {
    String[] parts = jwt.split("\\.");
    if (parts.length != 3) {
      return null;
    }
    try {
      byte[] json = Base64.getUrlDecoder().decode(parts[1]);
      JsonNode exp = SlurmJson.MAPPER.readTree(json).get("exp");
      return exp != null && exp.canConvertToLong() ? Instant.ofEpochSecond(exp.asLong()) : null;
    } catch (IllegalArgumentException | IOException e) {
      return null;
    }
  }

  /** {@code the file /home/u/jwt}: where the token comes from, never the token. */
  @Override
  public String toString() {
    return switch (kind) {
      case "file" -> "the file " + where;
      case "env" -> "the environment variable " + where;
      default -> "the command '" + where + "'";
    };
  }
}
