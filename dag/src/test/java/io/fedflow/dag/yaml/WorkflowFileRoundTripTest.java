package io.fedflow.dag.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.dag.Workflow;
import io.fedflow.dag.yaml.WorkflowDocuments.Document;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The other way round: a workflow file, however it is styled, read and written out reads back as
 * the same workflow, and the writer writes that again word for word.
 */
class WorkflowFileRoundTripTest {

  /** Everything in flow style, as JSON-minded people (and generators) write it. */
  private static final String FLOW =
      """
      {version: 1, name: flowing, params: {n: 3, tag: "0.10"},
       jobs: {a: {command: [echo, "{{params.tag}}"], retries: 2},
              b: {needs: [a], forEach: {range: {from: 1, to: "{{params.n}}"}},
                  command: [echo, "{{item}}"], resources: {cpus: 2, memory: 1.5GiB}},
              c: {needs: "b[item]", script: "echo {{item}}\\n"}}}
      """;

  /** Block style with comments, long forms, folded and literal text, and YAML's number words. */
  private static final String COMMENTED =
      """
      # yaml-language-server: $schema=../docs/workflow-v1.schema.json
      version: 1
      name: commented.v2   # dots are allowed in names
      description: >
        A folded description
        on two lines.
      params:
        lr: 0.10           # kept as written: "0.10"
        debug: yes         # the text "yes"
      defaults:
        env:
          OMP_NUM_THREADS: 4
        retries:
          count: 3
          backoff:
            factor: 3      # initial and max keep their defaults
        placement:
          deadline: 2026-12-01T08:00:00Z
      limits:
        categories:
          io: 2
      jobs:
        fetch:
          forEach:
            - cern
            - 'cnaf'
            - "desy"
          category: io
          inputs:
            - from: root://{{item}}.example.org/data.root
              to: data.root
          command:
            - sh
            - -c
            - >-
              echo {{item}}
              > out.txt
          outputs: [out.txt]
        train:
          needs:
            - fetch
          forEach:
            matrix:
              lr: [0.01, 0.1]
              depth: [4, 8]
          script: |+
            #!/bin/sh
            echo {{item.lr}} {{item.depth}}

          args: ["--lr", '{{item.lr}}']
          resources: {gpus: 1, gpuModel: A100, walltime: 1d12h}
          work: {gpuHours: 2.5}
          retries: 0
          priority: -1
          placement:
            sites: [cnaf]
            objective: cost
      final:
        report:
          command: [echo, done]
      """;

  /** JSON is YAML too. */
  private static final String JSON =
      """
      {
        "version": 1,
        "name": "json",
        "jobs": {
          "prep": {
            "forEach": [{"ds": "a", "n": 1}, {"ds": "b", "n": 2}],
            "scriptFile": "prep.sh",
            "args": ["{{item.ds}}", "{{item.n}}"],
            "env": {"EMPTY": "", "SPACES": "  two  "}
          }
        }
      }
      """;

  static List<Document> documents() {
    List<Document> all = new ArrayList<>(WorkflowDocuments.all());
    all.add(new Document("flow.yaml", Path.of("flow.yaml"), FLOW));
    all.add(new Document("commented.yaml", Path.of("commented.yaml"), COMMENTED));
    all.add(new Document("json.yaml", Path.of("json.yaml"), JSON));
    return all;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void aFileReadAndWrittenReadsBackEqual(Document doc) {
    Workflow read = WorkflowYamlReader.read(doc.text(), doc.name());

    String written = WorkflowYamlWriter.write(read);

    Workflow again = WorkflowYamlReader.read(written, doc.name());
    assertThat(again).as(written).isEqualTo(read);
    assertThat(WorkflowYamlWriter.write(again)).isEqualTo(written);
  }
}
