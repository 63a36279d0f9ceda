package io.fedflow.connectors.slurm.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The submit bodies fedflow builds, checked against the schemas of the specs the real daemons
 * serve: valid, and every field we send declared there (a misspelt field would be ignored).
 */
class SubmitSchemaTest {
  private static final Path SPECS = Path.of("src/main/openapi");

  /** A job using every field fedflow can set. */
  static JobRequest everything() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PATH", "/usr/bin:/bin");
    env.put("FEDFLOW_TOKEN", "r1.17");
    return new JobRequest(
        "r1.17",
        "simulate[017]",
        "#!/bin/sh\n\"$@\"\n",
        List.of("fedflow-launcher", "python3", "sim.py"),
        env,
        "/scratch/run",
        "/dev/null",
        "/scratch/run/out",
        "/scratch/run/err",
        4,
        2,
        "a100",
        8192L,
        90,
        "boost_usr_prod",
        "IscrC_X",
        "normal",
        null);
  }

  @ParameterizedTest
  @CsvSource({
    "slurmrestd-22.05.8-v0.0.36-38.json, v0.0.38_job_submission, v0.0.38_job_properties, V0038",
    "slurmrestd-24.11.5-v0.0.40-42.json, v0.0.40_job_submit_req, v0.0.40_job_desc_msg, V0040",
    "slurmrestd-24.11.5-v0.0.40-42.json, v0.0.41_job_submit_req, v0.0.41_job_desc_msg, V0041",
    "slurmrestd-24.11.5-v0.0.40-42.json, v0.0.42_job_submit_req, v0.0.42_job_desc_msg, V0042",
  })
  void theBodyMatchesTheVersionsSchema(String spec, String request, String job, ApiVersion version)
      throws Exception {
    JsonNode body = SlurmJson.MAPPER.readTree(BodyProbe.body(version, everything()));
    String uri = SPECS.resolve(spec).toAbsolutePath().toUri().toString();

    JsonSchema schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4)
            .getSchema(SchemaLocation.of(uri + "#/components/schemas/" + request));
    Set<ValidationMessage> problems = schema.validate(body);
    assertThat(problems).isEmpty();

    JsonNode declared =
        SlurmJson.MAPPER
            .readTree(SPECS.resolve(spec).toFile())
            .at("/components/schemas/" + job + "/properties");
    List<String> undeclared = new ArrayList<>();
    body.get("job")
        .fieldNames()
        .forEachRemaining(
            f -> {
              if (!declared.has(f)) {
                undeclared.add(f);
              }
            });
    assertThat(undeclared).isEmpty();
    assertThat(body.at("/job/name").asText()).isEqualTo("r1.17");
  }
}
