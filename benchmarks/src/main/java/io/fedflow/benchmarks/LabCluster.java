package io.fedflow.benchmarks;

import io.fedflow.engine.connector.SiteConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A cluster of the Slurm lab ({@code scripts/local-slurm.sh}), read from {@code
 * $FEDFLOW_SLURM_LAB/env}: its site for fedflow, its daemons' CPU time, and the clean-up of the
 * benchmark's jobs, which are named with a prefix.
 *
 * @param extra settings added to the site, from {@code SLURM_SITE_SETTINGS} ({@code
 *     key=value,...}), so that one harness runs with a site option on and off
 */
record LabCluster(String cluster, Path lab, Map<String, String> env, Map<String, String> extra) {
  private static final Pattern EXPORT = Pattern.compile("^export ([A-Z0-9_]+)='([^']*)'$");
  private static final long NANOS_PER_TICK = 10_000_000L;
  static final List<String> DAEMONS = List.of("slurmctld", "slurmrestd", "slurmdbd", "slurmd");

  static LabCluster of(String cluster) throws IOException {
    Path lab =
        Path.of(System.getenv().getOrDefault("FEDFLOW_SLURM_LAB", "/var/lib/fedflow-slurm-lab"));
    Map<String, String> env = new HashMap<>();
    for (String line : Files.readAllLines(lab.resolve("env"), StandardCharsets.UTF_8)) {
      Matcher m = EXPORT.matcher(line);
      if (m.matches()) {
        env.put(m.group(1), m.group(2));
      }
    }
    if (!Arrays.asList(env.getOrDefault("FEDFLOW_SLURM_CLUSTERS", "").split(" "))
        .contains(cluster)) {
      throw new IllegalStateException(
          "Slurm cluster " + cluster + " is not running: scripts/local-slurm.sh start " + cluster);
    }
    Map<String, String> extra = new HashMap<>();
    for (String kv : System.getenv().getOrDefault("SLURM_SITE_SETTINGS", "").split(",")) {
      if (kv.contains("=")) {
        extra.put(kv.substring(0, kv.indexOf('=')).strip(), kv.substring(kv.indexOf('=') + 1));
      }
    }
    return new LabCluster(cluster, lab, env, Map.copyOf(extra));
  }

  String get(String key) {
    return env.getOrDefault("FEDFLOW_SLURM" + cluster + "_" + key, "");
  }

  /** The site of this cluster, as a user would configure it, plus {@link #extra}. */
  SiteConfig site(String name) {
    Map<String, String> s = new HashMap<>();
    s.put("url", get("URL"));
    s.put("user", get("USER"));
    s.put("token", "file:" + get("TOKEN_FILE"));
    s.put("partition", get("PARTITION"));
    s.put("account", get("ACCOUNT"));
    s.put("workdir", get("WORKDIR"));
    s.putAll(extra);
    return new SiteConfig(name, "slurm", s);
  }

  /**
   * {@link #site}, submitting to the lab's partition whose jobs stay pending ({@code held}, DOWN),
   * when the lab has one.
   */
  SiteConfig heldSite(String name) {
    SiteConfig site = site(name);
    String held = get("HELD_PARTITION");
    if (held.isEmpty()) {
      System.err.println(
          "# the lab has no held partition: the jobs run (scripts/local-slurm.sh restart CLUSTER slurmctld)");
      return site;
    }
    Map<String, String> s = new HashMap<>(site.settings());
    s.put("partition", held);
    return new SiteConfig(name, "slurm", s);
  }

  String token() throws IOException {
    return Files.readString(Path.of(get("TOKEN_FILE")), StandardCharsets.UTF_8).strip();
  }

  /** CPU time (user and system) of each daemon of this cluster so far, in nanoseconds. */
  Map<String, Long> daemonCpu() throws IOException {
    Map<String, Long> cpu = new HashMap<>();
    for (String d : DAEMONS) {
      Path pidFile = lab.resolve("pids").resolve(cluster + "-" + d + ".pid");
      String pid = Files.readAllLines(pidFile).get(0).strip();
      String stat = Files.readString(Path.of("/proc", pid, "stat"));
      String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
      cpu.put(d, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK);
    }
    return cpu;
  }

  /** Cancels every job of the cluster's user whose name starts with {@code prefix}. */
  int cancel(String prefix) throws IOException, InterruptedException {
    List<String> ids = new ArrayList<>();
    for (String line : run("squeue", "-h", "-u", get("USER"), "-o", "%i %j")) {
      String[] f = line.strip().split(" ", 2);
      if (f.length == 2 && f[1].startsWith(prefix)) {
        ids.add(f[0]);
      }
    }
    for (int i = 0; i < ids.size(); i += 500) {
      List<String> argv = new ArrayList<>(List.of("scancel"));
      argv.addAll(ids.subList(i, Math.min(ids.size(), i + 500)));
      run(argv.toArray(String[]::new));
    }
    return ids.size();
  }

  /** How many jobs named with {@code prefix} slurmctld still lists as pending or running. */
  int alive(String prefix) throws IOException, InterruptedException {
    return (int)
        run("squeue", "-h", "-u", get("USER"), "-t", "PD,R,CG", "-o", "%j").stream()
            .filter(n -> n.startsWith(prefix))
            .count();
  }

  /** Cancels the benchmark's jobs and waits until slurmctld has let go of them. */
  void drain(String prefix) throws IOException, InterruptedException {
    cancel(prefix);
    for (int i = 0; i < 600 && alive(prefix) > 0; i++) {
      Thread.sleep(500);
    }
  }

  /**
   * Deletes a run's folder on the cluster (the jobs that ran made it); what a job still ending
   * writes meanwhile is left, with a warning.
   */
  void removeRun(String runId) {
    Path run = Path.of(get("ROOT") + get("WORKDIR") + "/" + runId);
    if (Files.isDirectory(run)) {
      try (Stream<Path> files = Files.walk(run)) {
        for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      } catch (IOException | UncheckedIOException e) {
        System.err.println("left " + run + ": " + e);
      }
    }
  }

  /** Runs a Slurm command as the lab's user (argv, no shell) and returns its output's lines. */
  private List<String> run(String... command) throws IOException, InterruptedException {
    List<String> argv = new ArrayList<>(Arrays.asList(get("EXEC").split(" ")));
    argv.addAll(Arrays.asList(command));
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + out.strip());
    }
    return out.lines().toList();
  }
}
