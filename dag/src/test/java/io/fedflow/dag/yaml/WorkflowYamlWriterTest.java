package io.fedflow.dag.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.fedflow.dag.Deadline;
import io.fedflow.dag.ForEach;
import io.fedflow.dag.JobSpec;
import io.fedflow.dag.Objective;
import io.fedflow.dag.Program;
import io.fedflow.dag.RetryPolicy;
import io.fedflow.dag.WorkEstimate;
import io.fedflow.dag.Workflow;
import java.io.FilterReader;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.FailsafeSchema;

class WorkflowYamlWriterTest {

  @Test
  void writesTheShortFormsOfTheFormat() {
    Workflow wf =
        Workflow.named("hello")
            .job("greet", j -> j.command("echo", "hello from fedflow"))
            .job("shout", j -> j.needs("greet").command("sh", "-c", "echo HELLO").retries(3))
            .buildUnchecked();

    assertThat(WorkflowYamlWriter.write(wf))
        .isEqualTo(
            """
            version: 1
            name: hello
            jobs:
              greet:
                command: [echo, hello from fedflow]
              shout:
                needs: greet
                command: [sh, -c, echo HELLO]
                retries: 3
            """);
  }

  @Test
  void writesEveryFieldInTheOrderOfTheFormat() {
    Map<String, List<String>> axes = new LinkedHashMap<>();
    axes.put("lr", List.of("0.01", "0.1"));
    axes.put("depth", List.of("4", "8"));
    Workflow wf =
        Workflow.named("higgs-ml")
            .description("Trains a classifier\non simulated events.\n")
            .param("shards", 100)
            .param("lr", "0.01")
            .param("tag", "yes")
            .defaults(d -> d.memory("2GiB").retries(2).label("team", "cms").env("LANG", "C"))
            .maxInFlight(500)
            .categoryLimit("io", 4)
            .job(
                "fetch",
                j ->
                    j.forEach("cern", "cnaf", "desy")
                        .command("xrdcp", "root://{{item}}.example.org/data.root", "{{item}}.root")
                        .output("{{item}}.root")
                        .category("io"))
            .job(
                "simulate",
                j ->
                    j.forEachInRange("0", "{{params.shards}}")
                        .script("#!/bin/bash\nset -e\nsimulate --seed {{item}}\n")
                        .cpus(4)
                        .memory("8GiB")
                        .disk("1TB")
                        .walltime("2h30m")
                        .retry(new RetryPolicy(5, Duration.ofMinutes(1), 1.5, Duration.ofHours(1)))
                        .priority(10)
                        .sites("cnaf", "cineca")
                        .objective(Objective.ENERGY)
                        .deadline(new Deadline.At(Instant.parse("2026-12-01T08:00:00Z"))))
            .job(
                "reconstruct",
                j ->
                    j.needsEach("simulate")
                        .scriptFile("reco.sh", "--shard", "{{item}}")
                        .input("sim/{{item}}.root", "events.root")
                        .work(new WorkEstimate(2.5, null, Duration.ofMinutes(90)))
                        .deadline(new Deadline.Within(Duration.ofHours(12))))
            .job(
                "train",
                j ->
                    j.needs("reconstruct", "fetch")
                        .forEachMatrix(axes)
                        .description("one model per point of the grid")
                        .container("docker://pytorch/pytorch:2.3.0")
                        .command("python3", "train.py", "--lr", "{{item.lr}}", "--depth")
                        .gpus(1, "A100")
                        .excludeSites("desy")
                        .objective(Objective.TIME))
            .job(
                "report",
                j ->
                    j.needs("train")
                        .forEachRecords(List.of(Map.of("ds", "higgs"), Map.of("ds", "ttbar")))
                        .command("report", "--dataset", "{{item.ds}}", "--out", "report.html")
                        .env("OUT", "/eos/user/r/reports/{{workflow.name}}")
                        .stdout("report-{{item.ds}}.log"))
            .finalJob("cleanup", j -> j.command("rm", "-rf", "scratch"))
            .buildUnchecked();

    assertThat(WorkflowYamlWriter.write(wf))
        .isEqualTo(
            """
            version: 1
            name: higgs-ml
            description: |
              Trains a classifier
              on simulated events.
            params:
              shards: 100
              lr: 0.01
              tag: 'yes'
            defaults:
              labels:
                team: cms
              env:
                LANG: C
              resources:
                memory: 2GiB
              retries: 2
            limits:
              maxInFlight: 500
              categories:
                io: 4
            jobs:
              fetch:
                forEach: [cern, cnaf, desy]
                command:
                  - xrdcp
                  - root://{{item}}.example.org/data.root
                  - '{{item}}.root'
                outputs: ['{{item}}.root']
                category: io
              simulate:
                forEach:
                  range: {from: 0, to: '{{params.shards}}'}
                script: |
                  #!/bin/bash
                  set -e
                  simulate --seed {{item}}
                resources:
                  cpus: 4
                  memory: 8GiB
                  disk: 1TB
                  walltime: 2h30m
                retries:
                  count: 5
                  backoff: {initial: 1m, factor: 1.5, max: 1h}
                priority: 10
                placement:
                  sites: [cnaf, cineca]
                  objective: energy
                  deadline: 2026-12-01T08:00:00Z
              reconstruct:
                needs: ['simulate[item]']
                scriptFile: reco.sh
                args: [--shard, '{{item}}']
                inputs:
                  - {from: 'sim/{{item}}.root', to: events.root}
                work:
                  coreHours: 2.5
                  runtime: 1h30m
                placement:
                  deadline: 12h
              train:
                description: one model per point of the grid
                needs: [reconstruct, fetch]
                forEach:
                  matrix:
                    lr: [0.01, 0.1]
                    depth: [4, 8]
                command: [python3, train.py, --lr, '{{item.lr}}', --depth]
                container: docker://pytorch/pytorch:2.3.0
                resources:
                  gpus: 1
                  gpuModel: A100
                placement:
                  excludeSites: [desy]
                  objective: time
              report:
                needs: train
                forEach:
                  - {ds: higgs}
                  - {ds: ttbar}
                command: [report, --dataset, '{{item.ds}}', --out, report.html]
                env:
                  OUT: /eos/user/r/reports/{{workflow.name}}
                stdout: report-{{item.ds}}.log
            final:
              cleanup:
                command: [rm, -rf, scratch]
            """);
  }

  @Test
  void quotesWhatWouldNotReadBackAsTheSameString() {
    Workflow wf =
        Workflow.named("quoting")
            .job(
                "awkward",
                j ->
                    j.command("echo", "yes", "1.0", "0x10", "", " padded ", "a: b", "#", "~")
                        .label("yes", "no")
                        .label("app.kubernetes.io/name", "null")
                        .env("ON", "2026-01-01")
                        .env("MSG", "it's \"quoted\" # not a comment")
                        .env("TAB", "a\tb")
                        .env("LINES", "one\ntwo"))
            .buildUnchecked();

    assertThat(WorkflowYamlWriter.write(wf))
        .isEqualTo(
            """
            version: 1
            name: quoting
            jobs:
              awkward:
                labels:
                  'yes': 'no'
                  app.kubernetes.io/name: 'null'
                command: [echo, 'yes', '1.0', '0x10', '', ' padded ', 'a: b', '#', '~']
                env:
                  'ON': '2026-01-01'
                  MSG: 'it''s "quoted" # not a comment'
                  TAB: "a\\tb"
                  LINES: |-
                    one
                    two
            """);
  }

  @Provide
  Arbitrary<Workflow> workflows() {
    return WorkflowArbitraries.workflows();
  }

  /** Read with no types at all, every scalar of the written YAML is the string that was given. */
  @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
  void everyStringReadsBackAsItself(@ForAll("workflows") Workflow wf) {
    String yaml = WorkflowYamlWriter.write(wf);

    Map<?, ?> doc = (Map<?, ?>) failsafe().loadFromReader(new ShortReads(yaml));

    assertThat(doc.get("name")).as(yaml).isEqualTo(wf.name());
    assertThat(doc.get("description")).as(yaml).isEqualTo(wf.description());
    assertThat(doc.get("params")).as(yaml).isEqualTo(wf.params().isEmpty() ? null : wf.params());
    Map<?, ?> jobs = (Map<?, ?>) doc.get("jobs");
    for (JobSpec j : wf.jobs()) {
      Map<?, ?> job = (Map<?, ?>) jobs.get(j.id());
      assertThat(job.get("labels")).as(yaml).isEqualTo(j.labels().isEmpty() ? null : j.labels());
      assertThat(job.get("env")).as(yaml).isEqualTo(j.env().isEmpty() ? null : j.env());
      if (j.program() instanceof Program.Command c) {
        assertThat(job.get("command")).as(yaml).isEqualTo(c.argv());
      } else if (j.program() instanceof Program.InlineScript s) {
        assertThat(job.get("script")).as(yaml).isEqualTo(s.body());
      }
      if (j.forEach() instanceof ForEach.Values v) {
        assertThat(job.get("forEach")).as(yaml).isEqualTo(v.items());
      }
    }
  }

  /** What editors check: the JSON Schema of the format accepts every file the writer writes. */
  @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
  void everyWrittenFileFollowsTheSchema(@ForAll("workflows") Workflow wf) throws IOException {
    String yaml = WorkflowYamlWriter.write(wf);

    assertThat(SCHEMA.validate(new ObjectMapper(new YAMLFactory()).readTree(new ShortReads(yaml))))
        .as(yaml)
        .isEmpty();
  }

  private static final JsonSchema SCHEMA =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
          .getSchema(WorkflowDocuments.read(WorkflowDocuments.file(WorkflowDocuments.SCHEMA)));

  private static Load failsafe() {
    return new Load(LoadSettings.builder().setSchema(new FailsafeSchema()).build());
  }

  /**
   * Text read a little less than asked for at a time. SnakeYAML Engine before 3.1.1 (and SnakeYAML
   * before 2.4, under Jackson) fails with an IndexOutOfBoundsException when an emoji's first half
   * is the last character of a full read of its buffer: {@code "a: " + "x".repeat(1021) + "😀"}
   * does not load.
   */
  private static final class ShortReads extends FilterReader {
    ShortReads(String text) {
      super(new StringReader(text));
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      return super.read(buffer, offset, Math.max(1, length - 1));
    }
  }
}
