package io.fedflow.connectors.slurm.rest.v0038;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fedflow.connectors.slurm.rest.SlurmJson;
import io.fedflow.connectors.slurm.rest.v0038.model.Dbv0038JobStep;

/**
 * Where 22.05's answers differ from its own spec, fixed on the mapper rather than in the spec: a
 * step's {@code task} is declared a string but arrives as {@code {"distribution": "Unknown"}}.
 * fedflow does not read it, so it is ignored.
 */
final class V0038Quirks {
  static final ObjectMapper MAPPER =
      SlurmJson.MAPPER.copy().addMixIn(Dbv0038JobStep.class, IgnoreTask.class);

  @JsonIgnoreProperties({"task"})
  private interface IgnoreTask {}

  private V0038Quirks() {}
}
