package io.fedflow.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The same DAG of {@code true} jobs run by GNU make -j2 and by fedflow on a local site of 2 cpus,
 * alternately, so both see the same load: {@code LocalVsMake ROUNDS DAG...} with DAGs as {@link
 * BenchDag#parse} reads them. Each fedflow run is a fresh JVM ({@code EngineBenchmark run}), as a
 * user's {@code fedflow run} is; its wall time is the whole process's, JVM start included. CPU
 * times are those of each process tree (make and its jobs; the JVM, its launchers and their jobs).
 */
public final class LocalVsMake {
  private LocalVsMake() {}

  /** One timed process tree: wall and CPU time, and for fedflow the engine's submit-to-end time. */
  private record Timing(long wall, long cpu, long engine) {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int rounds = Integer.parseInt(args[0]);
    Path dir = Files.createTempDirectory("fedflow-vs-make");
    for (int a = 1; a < args.length; a++) {
      BenchDag dag = BenchDag.parse(args[a]);
      Path yaml = dag.yaml(dir);
      Path makefile = dag.makefile(dir);
      List<Double> ratios = new ArrayList<>();
      List<Timing> makes = new ArrayList<>();
      List<Timing> fedflows = new ArrayList<>();
      for (int r = 1; r <= rounds; r++) {
        Timing make = make(dir, makefile);
        Timing fedflow = fedflow(dir, yaml, dag.instances());
        makes.add(make);
        fedflows.add(fedflow);
        double ratio = (double) fedflow.wall / make.wall;
        ratios.add(ratio);
        row(dag, Integer.toString(r), make, fedflow, String.format(Locale.ROOT, "%.2f", ratio));
      }
      ratios.sort(null);
      Timing make = median(makes);
      Timing fedflow = median(fedflows);
      row(
          dag,
          "median",
          make,
          fedflow,
          String.format(Locale.ROOT, "**%.2f**", ratios.get(ratios.size() / 2)));
      System.out.printf(
          Locale.ROOT,
          "| %s | %d | per job (medians) | %.2f ms wall x 2 slots, %.2f ms CPU"
              + " | %.2f ms wall x 2 slots, %.2f ms CPU | | +%.2f ms CPU per job |%n",
          dag.name(),
          dag.instances(),
          2 * make.wall / 1e6 / dag.instances(),
          make.cpu / 1e6 / dag.instances(),
          2 * fedflow.wall / 1e6 / dag.instances(),
          fedflow.cpu / 1e6 / dag.instances(),
          (fedflow.cpu - make.cpu) / 1e6 / dag.instances());
    }
    Folders.deleteTree(dir);
  }

  private static void row(BenchDag dag, String round, Timing make, Timing fedflow, String ratio) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %s | %.2f s (%.2f s CPU) | %.2f s (%.2f s CPU) | %.2f s | %s |%n",
        dag.name(),
        dag.instances(),
        round,
        make.wall / 1e9,
        make.cpu / 1e9,
        fedflow.wall / 1e9,
        fedflow.cpu / 1e9,
        fedflow.engine / 1e9,
        ratio);
  }

  /** Each field's median on its own. */
  private static Timing median(List<Timing> timings) {
    int mid = timings.size() / 2;
    return new Timing(
        timings.stream().map(Timing::wall).sorted().toList().get(mid),
        timings.stream().map(Timing::cpu).sorted().toList().get(mid),
        timings.stream().map(Timing::engine).sorted().toList().get(mid));
  }

  private static Timing make(Path dir, Path makefile) throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder("make", "-j2", "-f", makefile.toString(), "all")
            .directory(dir.toFile())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.INHERIT);
    long c0 = CpuTime.children();
    long t0 = System.nanoTime();
    int exit = pb.start().waitFor();
    long wall = System.nanoTime() - t0;
    long cpu = CpuTime.children() - c0;
    if (exit != 0) {
      throw new IllegalStateException("make exited with " + exit);
    }
    return new Timing(wall, cpu, 0);
  }

  private static Timing fedflow(Path dir, Path yaml, int instances)
      throws IOException, InterruptedException {
    Path home = Files.createTempDirectory(dir, "home");
    String javaBin = ProcessHandle.current().info().command().orElse("java");
    ProcessBuilder pb =
        new ProcessBuilder(
                javaBin,
                System.getProperty("bench.childXmx", "-Xmx512m"),
                "-cp",
                System.getProperty("java.class.path"),
                EngineBenchmark.class.getName(),
                "run",
                home.toString(),
                yaml.toString())
            .redirectErrorStream(true);
    long c0 = CpuTime.children();
    long t0 = System.nanoTime();
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = p.waitFor();
    long wall = System.nanoTime() - t0;
    long cpu = CpuTime.children() - c0;
    String result =
        out.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElse("RESULT none 0 0");
    String[] f = result.split(" ");
    if (exit != 0 || !f[1].equals("SUCCEEDED") || Long.parseLong(f[2]) != instances) {
      throw new IllegalStateException(
          "fedflow run did not succeed (exit " + exit + ", " + result + "):\n" + out);
    }
    Folders.deleteTree(home);
    return new Timing(wall, cpu, Long.parseLong(f[3]));
  }
}
