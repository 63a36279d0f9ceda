package io.fedflow.connectors.slurm.rest;

import java.net.URI;

/** One answer of slurmrestd: what was asked, the status and the body as text. */
public record HttpResult(String method, URI uri, int status, String body) {

  public boolean ok() {
    return status >= 200 && status < 300;
  }

  /** {@code GET http://host:6820/slurm/v0.0.38/jobs}, for messages. */
  public String request() {
    return method + " " + uri;
  }

  /** {@code GET http://host:6820/slurm/v0.0.38/jobs answered 200}: where a body came from. */
  public String source() {
    return request() + " answered " + status;
  }
}
