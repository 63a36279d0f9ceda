package io.fedflow.dag.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fedflow.dag.yaml.WorkflowDocuments.Document;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schema that editors use ({@code docs/workflow-v1.schema.json}) accepts every example and
 * every workflow of the format doc, and rejects the mistakes users make, at the right place.
 */
class WorkflowSchemaTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final JsonSchema SCHEMA = FACTORY.getSchema(schemaNode());

  private static JsonNode schemaNode() {
    try {
      return JSON.readTree(WorkflowDocuments.file(WorkflowDocuments.SCHEMA).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<ValidationMessage> errors(String yaml) {
    try {
      return SCHEMA.validate(YAML.readTree(yaml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void schemaIsAValidDraft202012Schema() {
    JsonSchema meta =
        FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    assertThat(meta.validate(schemaNode())).isEmpty();
  }

  @Test
  void thereAreExamplesAndDocBlocksToCheck() {
    assertThat(WorkflowDocuments.examples()).hasSizeGreaterThanOrEqualTo(2);
    assertThat(WorkflowDocuments.docBlocks()).hasSizeGreaterThanOrEqualTo(5);
  }

  static List<Document> documents() {
    return WorkflowDocuments.all();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void acceptsEveryExampleAndDocBlock(Document doc) {
    assertThat(errors(doc.text())).isEmpty();
  }

  static Stream<Arguments> mistakes() {
    return Stream.of(
        mistake("missing version", "name: w\njobs:\n  a:\n    command: [true]\n", "$", "version"),
        mistake("version 2", "version: 2\nname: w\njobs:\n  a: {command: [x]}\n", "$.version", ""),
        mistake(
            "unknown field",
            "version: 1\nname: w\njobs:\n  a:\n    comand: [true]\n    command: [true]\n",
            "$.jobs.a",
            "comand"),
        mistake(
            "unknown top-level field",
            "version: 1\nname: w\nkind: Workflow\njobs:\n  a: {command: [x]}\n",
            "$",
            "kind"),
        mistake(
            "size without unit",
            "version: 1\nname: w\njobs:\n  a:\n    command: [x]\n    resources: {memory: 8}\n",
            "$.jobs.a.resources.memory",
            ""),
        mistake(
            "size in words",
            "version: 1\nname: w\njobs:\n  a:\n"
                + "    command: [x]\n    resources: {memory: 8 gigs}\n",
            "$.jobs.a.resources.memory",
            ""),
        mistake(
            "duration out of order",
            "version: 1\nname: w\njobs:\n  a:\n    command: [x]\n    resources: {walltime: 30m2h}\n",
            "$.jobs.a.resources.walltime",
            ""),
        mistake(
            "command as a string",
            "version: 1\nname: w\njobs:\n  a:\n    command: echo hello\n",
            "$.jobs.a.command",
            ""),
        mistake(
            "command and script",
            "version: 1\nname: w\njobs:\n  a:\n    command: [x]\n    script: echo hi\n",
            "$.jobs.a",
            ""),
        mistake(
            "nothing to run",
            "version: 1\nname: w\njobs:\n  a: {description: x}\n",
            "$.jobs.a",
            ""),
        mistake(
            "args with command",
            "version: 1\nname: w\njobs:\n  a:\n    command: [x]\n    args: [y]\n",
            "$.jobs.a",
            ""),
        mistake("empty jobs", "version: 1\nname: w\njobs: {}\n", "$.jobs", ""),
        mistake(
            "final with two jobs",
            "version: 1\nname: w\njobs:\n  a: {command: [x]}\n"
                + "final:\n  b: {command: [x]}\n  c: {command: [x]}\n",
            "$.final",
            ""),
        mistake(
            "final with needs",
            "version: 1\nname: w\njobs:\n  a: {command: [x]}\nfinal:\n"
                + "  b: {command: [x], needs: a}\n",
            "$.final.b.needs",
            ""),
        mistake(
            "needs with an index",
            "version: 1\nname: w\njobs:\n  a: {command: [x]}\n  b: {command: [x], needs: 'a[0]'}\n",
            "$.jobs.b.needs",
            ""),
        mistake(
            "needs in a list with a dot",
            "version: 1\nname: w\njobs:\n  a: {command: [x]}\n"
                + "  b: {command: [x], needs: [a, c.d]}\n",
            "$.jobs.b.needs[1]",
            ""),
        mistake(
            "job id with a dot",
            "version: 1\nname: w\njobs:\n  a.b: {command: [x]}\n",
            "$.jobs",
            "a.b"),
        mistake(
            "range bound that is not a parameter",
            "version: 1\nname: w\njobs:\n  a:\n    command: [x]\n"
                + "    forEach: {range: {from: 0, to: '{{item}}'}}\n",
            "$.jobs.a.forEach",
            ""),
        mistake(
            "negative range start",
            "version: 1\nname: w\njobs:\n  a:\n    command: [x]\n"
                + "    forEach: {range: {from: -1, to: 9}}\n",
            "$.jobs.a.forEach.range.from",
            ""),
        mistake(
            "empty fan-out",
            "version: 1\nname: w\njobs:\n  a: {command: [x], forEach: []}\n",
            "$.jobs.a.forEach",
            ""),
        mistake(
            "duplicate items",
            "version: 1\nname: w\njobs:\n  a: {command: [x], forEach: [p, q, p]}\n",
            "$.jobs.a.forEach",
            ""),
        mistake(
            "defaults with a command",
            "version: 1\nname: w\ndefaults: {command: [x]}\njobs:\n  a: {command: [x]}\n",
            "$.defaults",
            "command"),
        mistake(
            "container without a scheme",
            "version: 1\nname: w\njobs:\n  a: {command: [x], container: 'python:3.12'}\n",
            "$.jobs.a.container",
            ""),
        mistake(
            "unknown objective",
            "version: 1\nname: w\njobs:\n  a: {command: [x], placement: {objective: speed}}\n",
            "$.jobs.a.placement.objective",
            ""),
        mistake(
            "negative retries",
            "version: 1\nname: w\njobs:\n  a: {command: [x], retries: -1}\n",
            "$.jobs.a.retries",
            ""),
        mistake(
            "category limit of zero",
            "version: 1\nname: w\nlimits: {categories: {io: 0}}\njobs:\n  a: {command: [x]}\n",
            "$.limits.categories.io",
            ""));
  }

  private static Arguments mistake(String what, String yaml, String location, String mentioned) {
    return Arguments.of(what, yaml, location, mentioned);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("mistakes")
  void rejectsTheMistakeWhereItIs(String what, String yaml, String location, String mentioned) {
    Set<ValidationMessage> errors = errors(yaml);
    assertThat(errors).isNotEmpty();
    assertThat(errors)
        .anySatisfy(
            e -> {
              assertThat(e.getInstanceLocation().toString()).isEqualTo(location);
              assertThat(e.getMessage()).contains(mentioned);
            });
  }
}
