package io.fedflow.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A range fan-out of {@code instances} jobs into one merge job, as a workflow file (one job with
 * {@code forEach}) and as a Makefile (one target per instance, then {@code merge}).
 */
record FanOutDag(int instances) implements BenchDag {

  @Override
  public String name() {
    return "fanout-" + instances;
  }

  @Override
  public int instances() {
    return instances + 1;
  }

  @Override
  public Path yaml(Path dir) throws IOException {
    Path file = dir.resolve(name() + ".yaml");
    Files.writeString(
        file,
        """
        version: 1
        name: fanout
        jobs:
          sim:
            forEach: {range: {from: 0, to: %d}}
            command: ["true"]
          merge:
            needs: sim
            command: ["true"]
        """
            .formatted(instances - 1),
        StandardCharsets.UTF_8);
    return file;
  }

  @Override
  public Path makefile(Path dir) throws IOException {
    Path file = dir.resolve(name() + ".mk");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      Makefiles.header(w, "sim", instances, "merge");
      StringBuilder all = new StringBuilder();
      for (int i = 0; i < instances; i++) {
        Makefiles.target(w, "sim" + i, "");
        all.append(" sim").append(i);
      }
      Makefiles.target(w, "merge", all.toString());
    }
    return file;
  }
}
