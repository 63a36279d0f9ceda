package io.fedflow.connectors.slurm.rest;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A real HTTP server on loopback that answers like slurmrestd with the captured bodies: each {@code
 * METHOD path} has a queue of answers, the last one repeating. Requests are recorded.
 */
final class LoopbackSlurm implements AutoCloseable {
  static final Path FIXTURES = Path.of("src/test/resources/slurm");

  record Answer(int status, String body) {}

  record Request(
      String method, String path, String protocol, Map<String, List<String>> headers, String body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final Map<String, Deque<Answer>> answers = new HashMap<>();
  final List<Request> requests = new ArrayList<>();

  LoopbackSlurm() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /**
   * Answers {@code METHOD path} with a captured body, e.g. fixture
   * "slurm-22.05-v0.0.38/ping-response".
   */
  LoopbackSlurm on(String method, String path, int status, String fixture) {
    return onBody(method, path, status, read(fixture));
  }

  synchronized LoopbackSlurm onBody(String method, String path, int status, String body) {
    answers
        .computeIfAbsent(method + " " + path, k -> new ArrayDeque<>())
        .add(new Answer(status, body));
    return this;
  }

  static String read(String fixture) {
    try {
      return Files.readString(FIXTURES.resolve(fixture + ".json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The status captured beside a fixture, 200 when none was. */
  static int status(String fixture) {
    Path p = FIXTURES.resolve(fixture + ".status");
    try {
      return Files.exists(p) ? Integer.parseInt(Files.readString(p).strip()) : 200;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  synchronized int count(String method, String path) {
    return (int)
        requests.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).count();
  }

  private void handle(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String path = ex.getRequestURI().getRawPath();
    if (ex.getRequestURI().getRawQuery() != null) {
      path += "?" + ex.getRequestURI().getRawQuery();
    }
    Answer a;
    synchronized (this) {
      requests.add(
          new Request(
              ex.getRequestMethod(),
              path,
              ex.getProtocol(),
              Map.copyOf(ex.getRequestHeaders()),
              body));
      Deque<Answer> queue = answers.get(ex.getRequestMethod() + " " + path);
      a =
          queue == null
              ? new Answer(404, "Unable to find path")
              : queue.size() > 1 ? queue.poll() : queue.peek();
    }
    byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
    if (out.length > 0) {
      ex.getResponseBody().write(out);
    }
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
