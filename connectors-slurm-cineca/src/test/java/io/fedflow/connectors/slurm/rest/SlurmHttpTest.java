package io.fedflow.connectors.slurm.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedflow.engine.connector.ConnectorException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The transport against a real HTTP server on loopback. */
class SlurmHttpTest {
  private static final String PING = "/slurm/v0.0.38/ping";
  private static final String OK = "{\"errors\": []}";

  @Test
  void speaksHttp11WithTheUserAndTokenHeaders() throws Exception {
    try (LoopbackSlurm server = new LoopbackSlurm()) {
      server.onBody("GET", PING, 200, OK);

      assertThat(Sites.http(server).get(PING).status()).isEqualTo(200);

      LoopbackSlurm.Request r = server.requests.get(0);
      assertThat(r.protocol()).isEqualTo("HTTP/1.1");
      assertThat(r.header("Upgrade")).as("no h2c upgrade, which slurmrestd refuses").isNull();
      assertThat(r.header("X-SLURM-USER-NAME")).isEqualTo("labuser");
      assertThat(r.header("X-SLURM-USER-TOKEN")).isEqualTo(Sites.TOKEN);
    }
  }

  @Test
  void retriesWhatMeansTryAgainThenSucceeds() throws Exception {
    try (LoopbackSlurm server = new LoopbackSlurm()) {
      server
          .onBody("GET", PING, 503, "busy")
          .onBody(
              "GET",
              PING,
              500,
              "{\"errors\": [{\"error_number\": 1001, \"error\": \"Unable to contact slurm controller (connect failure)\"}]}")
          .onBody("GET", PING, 200, OK);

      assertThat(Sites.http(server).get(PING).status()).isEqualTo(200);
      assertThat(server.count("GET", PING)).isEqualTo(3);
    }
  }

  @Test
  void neverRetriesA4xxNorAPlain500() throws Exception {
    try (LoopbackSlurm server = new LoopbackSlurm()) {
      server.onBody("GET", "/a", 400, "{\"errors\": [{\"error\": \"bad\"}]}");
      server.onBody(
          "GET",
          "/b",
          500,
          "{\"errors\": [{\"error_number\": 2017, \"error\": \"Invalid job id specified\"}]}");
      SlurmHttp http = Sites.http(server);

      assertThat(http.get("/a").status()).isEqualTo(400);
      assertThat(http.get("/b").status()).isEqualTo(500);
      assertThat(server.requests).hasSize(2);
    }
  }

  @Test
  void aSubmissionIsNotRetriedOnceItMayHaveReachedSlurm() throws Exception {
    try (LoopbackSlurm server = new LoopbackSlurm()) {
      server.onBody("POST", "/submit", 502, "bad gateway");

      assertThat(Sites.http(server).post("/submit", "{}").status()).isEqualTo(502);
      assertThat(server.requests).hasSize(1);
    }
  }

  @Test
  void anUnreachableSiteIsATransientFailureNamingTheRequest() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    SlurmToken token = SlurmToken.parse("env:T", Clock.systemUTC(), n -> Sites.TOKEN);
    SlurmHttp http = new SlurmHttp(URI.create("http://127.0.0.1:" + port), "u", token, Sites.QUICK);

    assertThatThrownBy(() -> http.get(PING))
        .isInstanceOf(ConnectorException.class)
        .hasMessageContaining("GET http://127.0.0.1:" + port + PING + " failed: ConnectException")
        .satisfies(e -> assertThat(((ConnectorException) e).isTransient()).isTrue());
  }

  @Test
  void theBreakerStopsAskingASiteThatKeepsFailing() throws Exception {
    try (LoopbackSlurm server = new LoopbackSlurm()) {
      server.onBody("GET", PING, 503, "down");
      HttpSettings settings =
          new HttpSettings(
              Duration.ofSeconds(2),
              Duration.ofSeconds(5),
              0,
              Duration.ofMillis(1),
              Duration.ofMillis(2),
              3,
              Duration.ofMinutes(5));
      SlurmHttp http = Sites.http(server, settings);
      for (int i = 0; i < 3; i++) {
        assertThat(http.get(PING).status()).isEqualTo(503);
      }

      assertThatThrownBy(() -> http.get(PING))
          .hasMessageContaining(
              "not sent: slurmrestd at " + server.uri() + " failed 3 times in a row")
          .satisfies(e -> assertThat(((ConnectorException) e).isTransient()).isTrue());
      assertThat(server.count("GET", PING)).isEqualTo(3);
    }
  }

  @Test
  void aRefusedTokenIsReadAgainAndTheRequestSentOnceMore(@TempDir Path dir) throws Exception {
    try (LoopbackSlurm server = new LoopbackSlurm()) {
      server
          .onBody(
              "GET",
              PING,
              511,
              "{\"errors\": [{\"error_number\": 1007, \"error\": \"Protocol authentication error\"}]}")
          .onBody("GET", PING, 200, OK);
      Path file = dir.resolve("jwt");
      SlurmToken token = Sites.fileToken(file, "old-token\n");
      SlurmHttp http = new SlurmHttp(server.uri(), "labuser", token, Sites.QUICK);
      token.current();
      Files.writeString(file, "SLURM_JWT=new-token\n");

      assertThat(http.get(PING).status()).isEqualTo(200);
      assertThat(server.requests)
          .extracting(r -> r.header("X-SLURM-USER-TOKEN"))
          .containsExactly("old-token", "new-token");
    }
  }

  @Test
  void aMissingTokenFileIsOneClearLine(@TempDir Path dir) throws IOException {
    SlurmToken token =
        SlurmToken.parse("file:" + dir.resolve("nope"), Clock.systemUTC(), n -> null);

    assertThatThrownBy(token::current)
        .hasMessageStartingWith("cannot read the Slurm token from the file " + dir.resolve("nope"));
  }
}
