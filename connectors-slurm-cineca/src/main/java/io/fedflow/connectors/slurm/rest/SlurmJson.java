package io.fedflow.connectors.slurm.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.module.blackbird.BlackbirdModule;
import io.fedflow.engine.connector.ConnectorException;

/** The one JSON mapper for slurmrestd's bodies, set up for the generated models. */
public final class SlurmJson {
  /**
   * Unknown fields are ignored (newer Slurm adds some), nulls are not written (a request carries
   * only what we set), and an int where a model has a string is accepted (22.05's accounting writes
   * a reservation name as 0). Blackbird calls the models' accessors directly instead of by
   * reflection: writing a job description (~150 properties, each read to leave out the nulls) was a
   * fifth of a submission's client CPU, over a quarter of it in reflective calls.
   */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .serializationInclusion(JsonInclude.Include.NON_NULL)
          .addModule(new BlackbirdModule())
          .build();

  private SlurmJson() {}

  /** Decodes a successful answer into a generated model. */
  public static <T> T read(HttpResult r, Class<T> type) throws ConnectorException {
    return read(r, type, MAPPER);
  }

  /** Decodes with a mapper that knows a version's quirks. */
  public static <T> T read(HttpResult r, Class<T> type, ObjectMapper mapper)
      throws ConnectorException {
    return read(r.source(), r.body(), type, mapper);
  }

  /**
   * Decodes a body that came from {@code source} (a request and its status, or a command run on a
   * login node), named in the message when it is not the expected JSON.
   */
  public static <T> T read(String source, String body, Class<T> type, ObjectMapper mapper)
      throws ConnectorException {
    try {
      return mapper.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new ConnectorException(
          source
              + " with a body that is not a "
              + type.getSimpleName()
              + (e instanceof JsonMappingException m ? " at " + m.getPathReference() : "")
              + ": "
              + e.getOriginalMessage(),
          false,
          e);
    }
  }

  public static String write(Object model) {
    try {
      return MAPPER.writeValueAsString(model);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a generated model could not be written as JSON", e);
    }
  }

  static JsonNode treeOrNull(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      return null;
    }
  }
}
