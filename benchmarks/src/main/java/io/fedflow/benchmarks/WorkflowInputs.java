package io.fedflow.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the generated workflow files that the benchmarks read. */
final class WorkflowInputs {
  private WorkflowInputs() {}

  /** A range fan-out of {@code instances} into one merge job. */
  static Path fanOut(Path dir, long instances) throws IOException {
    Path file = dir.resolve("fanout-" + instances + ".yaml");
    String yaml =
        """
        version: 1
        name: fanout
        params:
          last: %d
        jobs:
          simulate:
            forEach: {range: {from: 0, to: "{{params.last}}"}}
            command: [sh, -c, "echo {{item}} > out/{{job.id}}.txt"]
            resources: {cpus: 1, memory: 500MiB, walltime: 10m}
          merge:
            needs: simulate
            command: [sh, -c, "cat out/*.txt > merged.txt"]
        """
            .formatted(instances - 1);
    Files.writeString(file, yaml, StandardCharsets.UTF_8);
    return file;
  }

  /**
   * {@code jobs} jobs written out one by one, in layers of {@code width}: each job needs two jobs
   * of the layer before, so the graph has about 2 edges per job, like a real campaign DAG.
   */
  static Path explicit(Path dir, int jobs, int width) throws IOException {
    Path file = dir.resolve("explicit-" + jobs + ".yaml");
    new LayeredDag(jobs, width)
        .writeYaml(
            file,
            "[sh, -c, \"echo {{job.id}} >> ledger.txt\"]",
            "{cpus: 1, memory: 1GiB, walltime: 30m}");
    return file;
  }
}
