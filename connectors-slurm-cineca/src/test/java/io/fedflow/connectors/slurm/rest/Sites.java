package io.fedflow.connectors.slurm.rest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** A transport to a loopback server, with short waits so that tests do not sleep long. */
final class Sites {
  static final String TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdW4iOiJsYWJ1c2VyIn0.c2VjcmV0LXNpZ25hdHVyZQ";

  static final HttpSettings QUICK =
      new HttpSettings(
          Duration.ofSeconds(2),
          Duration.ofSeconds(5),
          2,
          Duration.ofMillis(10),
          Duration.ofMillis(40),
          4,
          Duration.ofMinutes(5));

  private Sites() {}

  static SlurmHttp http(LoopbackSlurm server) {
    return http(server, QUICK);
  }

  static SlurmHttp http(LoopbackSlurm server, HttpSettings settings) {
    SlurmToken token =
        SlurmToken.parse("env:SLURM_JWT", Clock.systemUTC(), Map.of("SLURM_JWT", TOKEN)::get);
    return new SlurmHttp(server.uri(), "labuser", token, settings);
  }

  static SlurmToken fileToken(Path file, String text) throws java.io.IOException {
    Files.writeString(file, text);
    return SlurmToken.parse("file:" + file, Clock.systemUTC(), name -> null);
  }
}
