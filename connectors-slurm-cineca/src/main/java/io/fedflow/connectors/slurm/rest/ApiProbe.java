package io.fedflow.connectors.slurm.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.fedflow.engine.connector.ConnectorException;
import java.util.HashSet;
import java.util.Set;

/**
 * Chooses the adapter for a site: the version its config names, else the newest one fedflow speaks
 * among the paths the server lists in {@code /openapi/v3}. Whether {@code /slurmdb} is served comes
 * from the same list.
 */
public final class ApiProbe {
  private ApiProbe() {}

  /**
   * @param configured a version such as {@code v0.0.38}, or {@code auto} (or null) to ask the
   *     server
   */
  public static SlurmClient connect(SlurmHttp http, String configured) throws ConnectorException {
    HttpResult r = http.get("/openapi/v3");
    if (!r.ok()) {
      throw SlurmErrors.failure("reading the API versions slurmrestd serves", r);
    }
    Set<String> paths = new HashSet<>();
    SlurmJson.read(r, JsonNode.class).path("paths").fieldNames().forEachRemaining(paths::add);
    ApiVersion version;
    if (configured == null || configured.equals("auto")) {
      version =
          ApiVersion.newestServed(paths)
              .orElseThrow(
                  () ->
                      new ConnectorException(
                          "slurmrestd at "
                              + http.base()
                              + " serves none of the API versions fedflow speaks (v0.0.38,"
                              + " v0.0.40, v0.0.41, v0.0.42)",
                          false));
    } else {
      ApiVersion named =
          ApiVersion.named(configured)
              .orElseThrow(
                  () ->
                      new ConnectorException(
                          "apiVersion: expected auto, v0.0.38, v0.0.40, v0.0.41 or v0.0.42 but was '"
                              + configured
                              + "'",
                          false));
      if (paths.stream().noneMatch(p -> p.startsWith("/slurm/" + named.tag() + "/"))) {
        throw new ConnectorException(
            "slurmrestd at " + http.base() + " does not serve " + named.tag(), false);
      }
      version = named;
    }
    return new SlurmRest(http, version, version.accountingServed(paths));
  }
}
