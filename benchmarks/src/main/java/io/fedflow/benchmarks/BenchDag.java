package io.fedflow.benchmarks;

import java.io.IOException;
import java.nio.file.Path;

/** A DAG of {@code true} jobs that both fedflow and make can run, written from one description. */
interface BenchDag {
  /** A short name for tables and file names. */
  String name();

  /** How many job instances a run of it runs. */
  int instances();

  /** Writes it as a workflow file into {@code dir}. */
  Path yaml(Path dir) throws IOException;

  /** Writes it as a Makefile into {@code dir}: one phony target per job, recipe {@code true}. */
  Path makefile(Path dir) throws IOException;

  /** {@code layers:JOBS:WIDTH} or {@code fanout:INSTANCES}. */
  static BenchDag parse(String text) {
    String[] p = text.split(":");
    return switch (p[0]) {
      case "layers" -> new LayeredDag(Integer.parseInt(p[1]), Integer.parseInt(p[2]));
      case "fanout" -> new FanOutDag(Integer.parseInt(p[1]));
      default -> throw new IllegalArgumentException("unknown DAG " + text);
    };
  }
}
