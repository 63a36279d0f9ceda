package io.fedflow.dag.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.dag.Deadline;
import io.fedflow.dag.ForEach;
import io.fedflow.dag.Objective;
import io.fedflow.dag.Placement;
import io.fedflow.dag.Resources;
import io.fedflow.dag.RetryPolicy;
import io.fedflow.dag.Size;
import io.fedflow.dag.WorkEstimate;
import io.fedflow.dag.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReadValidWorkflowTest {

  static final String EVERY_FIELD =
      """
      version: 1
      name: higgs-ml
      description: Train and evaluate
      params:
        epochs: 20
        lr: 0.10
        flag: yes
        shards: 99
      defaults:
        labels: {team: atlas}
        env: {OMP_NUM_THREADS: "1"}
        workdir: /scratch
        container: docker://python:3.12
        resources: {cpus: 1, memory: 2GiB}
        retries: 2
        priority: 5
        category: cpu
        placement: {objective: energy}
      limits:
        maxInFlight: 100
        categories: {io: 10, cpu: 50}
      jobs:
        fetch:
          description: Fetch the data
          labels: {stage: fetch}
          forEach: [cern, cnaf, desy]
          command: [curl, -o, "{{item}}.root", "https://{{item}}.example.org/data"]
          outputs:
            - "{{item}}.root"
          category: io
        prep:
          forEach: [{ds: a, n: 1}, {ds: b, n: 2}]
          script: |
            #!/bin/sh
            echo {{item.ds}}
          args: ["{{item.n}}"]
          needs: fetch
        simulate:
          forEach: {range: {from: 0, to: "{{params.shards}}"}}
          scriptFile: simulate.sh
          args: [--seed, "{{item}}"]
          env: {SEED: "{{item}}"}
          workdir: /scratch/sim
          stdin: in.txt
          stdout: out.txt
          stderr: err.txt
          inputs:
            - config.yaml
            - {from: "https://example.org/x.csv", to: x.csv}
          resources:
            cpus: 4
            gpus: 1
            gpuModel: A100
            memory: 1.5TiB
            disk: 500MB
            walltime: 2h30m
          work: {coreHours: 12.5, gpuHours: 2, runtime: 1h}
          retries: {count: 3, backoff: {initial: 10s, factor: 1.5, max: 5m}}
          priority: -1
          placement:
            sites: [cnaf, cineca]
            excludeSites: [desy]
            objective: time
            deadline: 12h
        reconstruct:
          needs: ["simulate[item]", prep]
          container: images/reco.sif
          command: [reco, "{{item}}"]
          placement: {objective: cost, deadline: "2026-12-01T08:00:00Z"}
        train:
          forEach: {matrix: {lr: [0.01, 0.1], depth: [4, 8]}}
          needs: [reconstruct]
          command: [python3, train.py, --lr, "{{item.lr}}", --depth, "{{item.depth}}"]
      final:
        cleanup:
          command: [rm, -rf, /scratch/tmp]
      """;

  @Test
  void readsEveryFieldIntoTheModelTheDslBuilds() {
    Map<String, List<String>> axes = new LinkedHashMap<>();
    axes.put("lr", List.of("0.01", "0.1"));
    axes.put("depth", List.of("4", "8"));
    Workflow expected =
        Workflow.named("higgs-ml")
            .description("Train and evaluate")
            .param("epochs", "20")
            .param("lr", "0.10")
            .param("flag", "yes")
            .param("shards", "99")
            .defaults(
                d ->
                    d.label("team", "atlas")
                        .env("OMP_NUM_THREADS", "1")
                        .workdir("/scratch")
                        .container("docker://python:3.12")
                        .cpus(1)
                        .memory("2GiB")
                        .retries(2)
                        .priority(5)
                        .category("cpu")
                        .objective(Objective.ENERGY))
            .maxInFlight(100)
            .categoryLimit("io", 10)
            .categoryLimit("cpu", 50)
            .job(
                "fetch",
                j ->
                    j.description("Fetch the data")
                        .label("stage", "fetch")
                        .forEach("cern", "cnaf", "desy")
                        .command("curl", "-o", "{{item}}.root", "https://{{item}}.example.org/data")
                        .output("{{item}}.root")
                        .category("io"))
            .job(
                "prep",
                j ->
                    j.forEach(
                            new ForEach.Records(
                                List.of(Map.of("ds", "a", "n", "1"), Map.of("ds", "b", "n", "2"))))
                        .script("#!/bin/sh\necho {{item.ds}}\n", "{{item.n}}")
                        .needs("fetch"))
            .job(
                "simulate",
                j ->
                    j.forEach(new ForEach.Range("0", "{{params.shards}}"))
                        .scriptFile("simulate.sh", "--seed", "{{item}}")
                        .env("SEED", "{{item}}")
                        .workdir("/scratch/sim")
                        .stdin("in.txt")
                        .stdout("out.txt")
                        .stderr("err.txt")
                        .input("config.yaml")
                        .input("https://example.org/x.csv", "x.csv")
                        .resources(
                            new Resources(
                                4,
                                1,
                                "A100",
                                Size.parse("1.5TiB"),
                                new Size(500_000_000),
                                Duration.ofMinutes(150)))
                        .work(new WorkEstimate(12.5, 2.0, Duration.ofHours(1)))
                        .retry(
                            new RetryPolicy(3, Duration.ofSeconds(10), 1.5, Duration.ofMinutes(5)))
                        .priority(-1)
                        .placement(
                            new Placement(
                                List.of("cnaf", "cineca"),
                                List.of("desy"),
                                Objective.TIME,
                                new Deadline.Within(Duration.ofHours(12)))))
            .job(
                "reconstruct",
                j ->
                    j.needsEach("simulate")
                        .needs("prep")
                        .container("images/reco.sif")
                        .command("reco", "{{item}}")
                        .objective(Objective.COST)
                        .deadline(new Deadline.At(Instant.parse("2026-12-01T08:00:00Z"))))
            .job(
                "train",
                j ->
                    j.forEach(new ForEach.Matrix(axes))
                        .needs("reconstruct")
                        .command(
                            "python3",
                            "train.py",
                            "--lr",
                            "{{item.lr}}",
                            "--depth",
                            "{{item.depth}}"))
            .finalJob("cleanup", j -> j.command("rm", "-rf", "/scratch/tmp"))
            .buildUnchecked();

    assertThat(WorkflowYamlReader.read(EVERY_FIELD, "higgs.yaml")).isEqualTo(expected);
  }

  @Test
  void readsTheShortestWorkflow() {
    String text =
        """
        version: 1
        name: hello
        jobs:
          greet:
            command: [echo, "hello from fedflow"]
          shout:
            needs: greet
            command: [sh, -c, "echo HELLO"]
        """;
    Workflow expected =
        Workflow.named("hello")
            .job("greet", j -> j.command("echo", "hello from fedflow"))
            .job("shout", j -> j.needs("greet").command("sh", "-c", "echo HELLO"))
            .buildUnchecked();

    assertThat(WorkflowYamlReader.read(text, "hello.yaml")).isEqualTo(expected);
  }

  @Test
  void keepsScalarsAsWrittenWithoutGuessingTheirType() {
    String text =
        """
        version: 1
        name: scalars
        params: {ratio: 0.10, answer: yes, switch: on, octal: 010, big: 1e3, date: 2026-01-01}
        jobs:
          a:
            command: [run, 0.10, yes, no, ~x, 1_000]
        """;
    Workflow wf = WorkflowYamlReader.read(text, "scalars.yaml");

    assertThat(wf.params())
        .containsExactly(
            Map.entry("ratio", "0.10"),
            Map.entry("answer", "yes"),
            Map.entry("switch", "on"),
            Map.entry("octal", "010"),
            Map.entry("big", "1e3"),
            Map.entry("date", "2026-01-01"));
    assertThat(wf.jobs().get(0).program())
        .isEqualTo(
            new io.fedflow.dag.Program.Command(List.of("run", "0.10", "yes", "no", "~x", "1_000")));
  }

  @Test
  void retriesAsACountUseTheDefaultBackoffAndPartialBackoffKeepsTheOtherDefaults() {
    String text =
        """
        version: 1
        name: retries
        jobs:
          a: {command: [a], retries: 3}
          b: {command: [b], retries: {count: 1, backoff: {factor: 3}}}
        """;
    Workflow wf = WorkflowYamlReader.read(text, "r.yaml");

    assertThat(wf.jobs().get(0).retry()).isEqualTo(RetryPolicy.times(3));
    assertThat(wf.jobs().get(1).retry())
        .isEqualTo(
            new RetryPolicy(
                1, RetryPolicy.DEFAULT_INITIAL_DELAY, 3.0, RetryPolicy.DEFAULT_MAX_DELAY));
  }

  @Test
  void readsAFileWithAByteOrderMarkAndWindowsLineEnds() {
    String text = "\uFEFFversion: 1\r\nname: crlf\r\njobs:\r\n  a:\r\n    command: [x]\r\n";

    assertThat(WorkflowYamlReader.read(text, "crlf.yaml"))
        .isEqualTo(Workflow.named("crlf").job("a", j -> j.command("x")).buildUnchecked());
  }

  @Test
  void aCharacterOutsideTheBasicPlaneAcrossTheParsersReadBufferIsReadWhole() {
    // SnakeYAML Engine before 3.1 failed with IndexOutOfBoundsException when a surrogate pair
    // straddled its 1024-character read buffer: the user saw a stack trace, not a workflow.
    String description = "x".repeat(992) + "\uD83D\uDE00";
    Workflow wf =
        WorkflowYamlReader.read(
            "version: 1\nname: a\ndescription: " + description + "\njobs: {a: {command: [x]}}\n",
            "f.yaml");
    assertThat(wf.description()).isEqualTo(description);
  }
}
