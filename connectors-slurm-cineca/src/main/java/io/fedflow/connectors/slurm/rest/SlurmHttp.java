package io.fedflow.connectors.slurm.rest;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.CircuitBreakerOpenException;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import io.fedflow.engine.connector.ConnectorException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * The HTTP side of one Slurm site: JDK's HttpClient held to HTTP/1.1 (slurmrestd answers Java's h2c
 * upgrade with 405 and a half-closed connection), kept-alive connections, timeouts, retries with
 * backoff on transport errors and on answers that mean "try again" (never on a 4xx), and one
 * circuit breaker for the site. A submission is retried only when it cannot have reached slurmctld
 * (connection refused, 503), so that a job is never submitted twice by the transport.
 */
public final class SlurmHttp implements AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(SlurmHttp.class);

  private final URI base;
  private final String user;
  private final SlurmToken token;
  private final HttpSettings settings;
  private final HttpClient client;
  private final CircuitBreaker<HttpResult> breaker;
  private final FailsafeExecutor<HttpResult> idempotent;
  private final FailsafeExecutor<HttpResult> once;
  private final RequestCounts counts = new RequestCounts();

  public SlurmHttp(URI base, String user, SlurmToken token, HttpSettings settings) {
    String b = base.toString();
    this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
    this.user = user;
    this.token = token;
    this.settings = settings;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    this.breaker =
        CircuitBreaker.<HttpResult>builder()
            .handle(IOException.class)
            .handleResultIf(SlurmErrors::tryAgain)
            .withFailureThreshold(settings.breakerFailures())
            .withDelay(settings.breakerOpen())
            .onOpen(
                e ->
                    LOG.warn(
                        "slurmrestd at {} keeps failing: not asked again for {}",
                        this.base,
                        settings.breakerOpen()))
            .build();
    this.idempotent = Failsafe.with(retry(IOException.class, true)).compose(breaker);
    this.once = Failsafe.with(retry(ConnectException.class, false)).compose(breaker);
  }

  private RetryPolicy<HttpResult> retry(Class<? extends IOException> failure, boolean anyTryAgain) {
    return RetryPolicy.<HttpResult>builder()
        .handle(failure)
        .handleResultIf(r -> anyTryAgain ? SlurmErrors.tryAgain(r) : r.status() == 503)
        .withBackoff(settings.firstBackoff(), settings.maxBackoff())
        .withJitter(0.1)
        .withMaxRetries(settings.retries())
        .onRetry(
            e ->
                LOG.debug(
                    "retrying slurmrestd at {} after {}",
                    base,
                    e.getLastException() != null
                        ? e.getLastException().toString()
                        : "status " + e.getLastResult().status()))
        .build();
  }

  public URI base() {
    return base;
  }

  /** The requests this site's transport has sent so far. */
  public RequestCounts counts() {
    return counts;
  }

  public HttpResult get(String path) throws ConnectorException {
    return send("GET", path, null, idempotent);
  }

  public HttpResult delete(String path) throws ConnectorException {
    return send("DELETE", path, null, idempotent);
  }

  /** A POST that creates something: not retried once it may have reached slurmctld. */
  public HttpResult post(String path, String json) throws ConnectorException {
    return send("POST", path, json, once);
  }

  private HttpResult send(
      String method, String path, String json, FailsafeExecutor<HttpResult> executor)
      throws ConnectorException {
    HttpResult r = attempt(method, path, json, executor);
    if (SlurmErrors.authFailure(r) && r.status() != 401) {
      // The token may have been revoked or renewed elsewhere: read it again and try once more.
      token.forget();
      r = attempt(method, path, json, executor);
    }
    return r;
  }

  private HttpResult attempt(
      String method, String path, String json, FailsafeExecutor<HttpResult> executor)
      throws ConnectorException {
    URI uri = URI.create(base + path);
    String jwt = token.current();
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri)
            .timeout(settings.requestTimeout())
            .header("Accept", "application/json")
            .header("X-SLURM-USER-NAME", user)
            .header("X-SLURM-USER-TOKEN", jwt);
    if (json == null) {
      builder.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      builder
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
    }
    HttpRequest request = builder.build();
    try {
      return executor.get(
          () -> {
            HttpResponse<String> response =
                client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            // One line per request, never a header: what an operator counts or follows.
            LOG.debug("{} {} {}", method, uri, response.statusCode());
            counts.count(method, path, response.body() == null ? 0 : response.body().length());
            return new HttpResult(method, uri, response.statusCode(), response.body());
          });
    } catch (CircuitBreakerOpenException e) {
      throw new ConnectorException(
          method
              + " "
              + uri
              + " not sent: slurmrestd at "
              + base
              + " failed "
              + settings.breakerFailures()
              + " times in a row, next try after "
              + settings.breakerOpen(),
          true);
    } catch (FailsafeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof InterruptedException) {
        Thread.currentThread().interrupt();
        throw new ConnectorException(method + " " + uri + " interrupted", true, cause);
      }
      throw new ConnectorException(
          method + " " + uri + " failed: " + cause.getClass().getSimpleName() + describe(cause),
          true,
          cause);
    }
  }

  private static String describe(Throwable t) {
    return t.getMessage() == null ? "" : ": " + t.getMessage();
  }

  @Override
  public void close() {
    // HttpClient closes its connections when collected (close() arrives with JDK 21).
  }
}
