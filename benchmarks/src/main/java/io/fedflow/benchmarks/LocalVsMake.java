package io.fedflow.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * The same DAG of {@code true} jobs run by GNU make -j2 and by fedflow on a local site of 2 cpus,
 * alternately, so both see the same load: {@code LocalVsMake ROUNDS DAG...} with DAGs as {@link
 * BenchDag#parse} reads them. Each fedflow run is a fresh JVM ({@code EngineBenchmark run}), as a
 * user's {@code fedflow run} is; its wall time is the whole process's, JVM start included. CPU
 * times are those of each process tree (make and its jobs; the JVM, its launchers and their jobs).
 * A fan-out is also run by {@link BareLocalRun}, the local connector without the engine.
 */
public final class LocalVsMake {
  private LocalVsMake() {}

  /**
   * One timed process tree: wall and CPU time, and for a JVM its own submit-to-end time and the CPU
   * time of the JVM alone (its threads, not the processes it started).
   */
  private record Timing(long wall, long cpu, long inside, long jvmCpu) {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int rounds = Integer.parseInt(args[0]);
    Path dir = Files.createTempDirectory("fedflow-vs-make");
    for (int a = 1; a < args.length; a++) {
      BenchDag dag = BenchDag.parse(args[a]);
      Path yaml = dag.yaml(dir);
      Path makefile = dag.makefile(dir);
      boolean bare = dag instanceof FanOutDag;
      List<Double> ratios = new ArrayList<>();
      List<Timing> makes = new ArrayList<>();
      List<Timing> fedflows = new ArrayList<>();
      List<Timing> bares = new ArrayList<>();
      for (int r = 1; r <= rounds; r++) {
        Timing make = make(dir, makefile);
        Timing fedflow = jvm(List.of(EngineBenchmark.class.getName(), "run"), dir, yaml, dag);
        Timing connector = bare ? jvm(List.of(BareLocalRun.class.getName()), dir, yaml, dag) : null;
        makes.add(make);
        fedflows.add(fedflow);
        bares.add(connector);
        double ratio = (double) fedflow.wall / make.wall;
        ratios.add(ratio);
        row(
            dag,
            Integer.toString(r),
            make,
            fedflow,
            connector,
            String.format(Locale.ROOT, "%.2f", ratio));
      }
      ratios.sort(null);
      Timing make = median(makes);
      Timing fedflow = median(fedflows);
      Timing connector = bare ? median(bares) : null;
      String ratio = String.format(Locale.ROOT, "**%.2f**", ratios.get(ratios.size() / 2));
      row(dag, "median", make, fedflow, connector, ratio);
      perJob(dag, make, fedflow, connector);
    }
    Folders.deleteTree(dir);
  }

  private static void row(
      BenchDag dag, String round, Timing make, Timing fedflow, Timing connector, String ratio) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | %s | %s | %s | %.2f s | %s | %s |%n",
        dag.name(),
        dag.instances(),
        round,
        seconds(make),
        seconds(fedflow),
        fedflow.inside / 1e9,
        ratio,
        connector == null ? "" : seconds(connector));
  }

  /** Wall and CPU time per job; wall times 2 slots, the time one slot spends per job. */
  private static void perJob(BenchDag dag, Timing make, Timing fedflow, Timing connector) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %d | per job | %s | %s | | +%.2f ms CPU per job | %s |%n",
        dag.name(),
        dag.instances(),
        perJob(dag, make),
        perJob(dag, fedflow),
        (fedflow.cpu - make.cpu) / 1e6 / dag.instances(),
        connector == null ? "" : perJob(dag, connector));
  }

  private static String perJob(BenchDag dag, Timing t) {
    return String.format(
        Locale.ROOT,
        "%.2f ms x 2 slots (%.2f ms CPU)",
        2 * t.wall / 1e6 / dag.instances(),
        t.cpu / 1e6 / dag.instances());
  }

  private static String seconds(Timing t) {
    String jvm = t.jvmCpu == 0 ? "" : String.format(Locale.ROOT, ", JVM %.2f s", t.jvmCpu / 1e9);
    return String.format(Locale.ROOT, "%.2f s (%.2f s CPU%s)", t.wall / 1e9, t.cpu / 1e9, jvm);
  }

  /** Each field's median on its own. */
  private static Timing median(List<Timing> timings) {
    return new Timing(
        median(timings, Timing::wall),
        median(timings, Timing::cpu),
        median(timings, Timing::inside),
        median(timings, Timing::jvmCpu));
  }

  private static long median(List<Timing> timings, ToLongFunction<Timing> field) {
    long[] values = timings.stream().mapToLong(field).sorted().toArray();
    return values[values.length / 2];
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
    return new Timing(wall, cpu, 0, 0);
  }

  /**
   * A fresh JVM running {@code MAIN [ARG] HOME FILE} in a new home, which prints {@code RESULT
   * STATE SUCCEEDED NANOS JVM-CPU-NANOS}.
   */
  private static Timing jvm(List<String> main, Path dir, Path yaml, BenchDag dag)
      throws IOException, InterruptedException {
    Path home = Files.createTempDirectory(dir, "home");
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElse("java"));
    command.add(System.getProperty("bench.childXmx", "-Xmx512m"));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.addAll(main);
    command.add(home.toString());
    command.add(yaml.toString());
    long c0 = CpuTime.children();
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = p.waitFor();
    long wall = System.nanoTime() - t0;
    long cpu = CpuTime.children() - c0;
    String result =
        out.lines().filter(l -> l.startsWith("RESULT ")).findFirst().orElse("RESULT none 0 0 0");
    String[] f = result.split(" ");
    if (exit != 0 || !f[1].equals("SUCCEEDED") || Long.parseLong(f[2]) != dag.instances()) {
      throw new IllegalStateException(
          String.join(" ", main) + " did not succeed (exit " + exit + ", " + result + "):\n" + out);
    }
    Folders.deleteTree(home);
    return new Timing(wall, cpu, Long.parseLong(f[3]), Long.parseLong(f[4]));
  }
}
