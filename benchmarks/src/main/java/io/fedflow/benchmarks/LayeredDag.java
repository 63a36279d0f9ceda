package io.fedflow.benchmarks;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One description of a DAG shaped like a real campaign, written out both as a workflow file and as
 * a Makefile, so that fedflow and make run exactly the same graph: {@code jobs} jobs named {@code
 * j0}, {@code j1}, ... in layers of {@code width}, each job needing two jobs of the layer before
 * (about 2 edges per job).
 */
record LayeredDag(int jobs, int width) implements BenchDag {

  /** The two jobs of the layer before that job {@code i} needs, or none in the first layer. */
  int[] needs(int i) {
    if (i < width) {
      return new int[0];
    }
    int base = (i / width - 1) * width;
    return new int[] {base + i % width, base + (i + 1) % width};
  }

  @Override
  public String name() {
    return "layers-" + jobs / width + "x" + width;
  }

  @Override
  public int instances() {
    return jobs;
  }

  /**
   * The workflow file, every job written out one by one.
   *
   * @param command the job's command as a YAML flow sequence, such as {@code [true]}
   * @param resources a YAML flow mapping, or null for none
   */
  void writeYaml(Path file, String command, String resources) throws IOException {
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("version: 1\nname: explicit\njobs:\n");
      for (int i = 0; i < jobs; i++) {
        w.write("  j" + i + ":\n");
        w.write("    command: " + command + "\n");
        if (resources != null) {
          w.write("    resources: " + resources + "\n");
        }
        int[] needs = needs(i);
        if (needs.length > 0) {
          w.write("    needs: [j" + needs[0] + ", j" + needs[1] + "]\n");
        }
      }
    }
  }

  @Override
  public Path yaml(Path dir) throws IOException {
    Path file = dir.resolve(name() + ".yaml");
    writeYaml(file, "[\"true\"]", null);
    return file;
  }

  @Override
  public Path makefile(Path dir) throws IOException {
    Path file = dir.resolve(name() + ".mk");
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      Makefiles.header(w, "j", jobs, null);
      for (int i = 0; i < jobs; i++) {
        int[] needs = needs(i);
        String prerequisites = needs.length == 0 ? "" : " j" + needs[0] + " j" + needs[1];
        Makefiles.target(w, "j" + i, prerequisites);
      }
    }
    return file;
  }
}
