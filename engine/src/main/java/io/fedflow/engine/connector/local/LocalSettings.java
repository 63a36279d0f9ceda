package io.fedflow.engine.connector.local;

import io.fedflow.dag.Durations;
import io.fedflow.dag.Size;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.SiteConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The settings of a local site, every one optional.
 *
 * @param home the engine's folder ({@code home}, default {@code ~/.fedflow}; a leading {@code ~/}
 *     is the user's home folder, here and in {@code stateDir})
 * @param stateDir the connector's own folder ({@code stateDir}, default {@code <home>/local}): the
 *     launcher script and the token index
 * @param cpus the cores jobs may use together ({@code cpus}, default: the machine's)
 * @param memory the bytes jobs may use together ({@code memory}, default: MemTotal of
 *     /proc/meminfo)
 * @param killGrace how long a cancelled job has between SIGTERM and SIGKILL ({@code killGrace},
 *     default 5s)
 * @param launcher how jobs start ({@code launcher}: {@code spawner} or {@code sh}; by default the
 *     spawner when perl runs here, else sh)
 */
record LocalSettings(
    Path home, Path stateDir, int cpus, long memory, Duration killGrace, Launch launcher) {
  static final Set<String> KEYS =
      Set.of("home", "stateDir", "cpus", "memory", "killGrace", "launcher");

  /** How jobs start: through the {@link Spawner}, a {@link Launcher} each, or either. */
  enum Launch {
    SPAWNER,
    SH,
    /** Not set: the spawner, or sh when perl is missing or does not run. */
    EITHER
  }

  /** Reads a site's settings, reporting every bad one at once. */
  static LocalSettings of(SiteConfig site) throws ConnectorException {
    Map<String, String> s = site.settings();
    List<String> problems = new ArrayList<>();
    for (String key : s.keySet().stream().sorted().toList()) {
      if (!KEYS.contains(key)) {
        problems.add(key + ": expected one of cpus, home, killGrace, launcher, memory, stateDir");
      }
    }
    Path home = s.containsKey("home") ? path(s.get("home")) : path("~/.fedflow");
    Path stateDir = s.containsKey("stateDir") ? path(s.get("stateDir")) : home.resolve("local");
    int cpus = Runtime.getRuntime().availableProcessors();
    if (s.containsKey("cpus")) {
      try {
        cpus = Integer.parseInt(s.get("cpus").trim());
      } catch (NumberFormatException e) {
        cpus = 0;
      }
      if (cpus < 1) {
        problems.add(expected("cpus", "a whole number of at least 1", s.get("cpus")));
      }
    }
    long memory = 0;
    if (s.containsKey("memory")) {
      try {
        memory = Size.parse(s.get("memory")).bytes();
      } catch (IllegalArgumentException e) {
        problems.add(expected("memory", e.getMessage(), s.get("memory")));
      }
    } else {
      memory = totalMemory();
    }
    Duration killGrace = Duration.ofSeconds(5);
    if (s.containsKey("killGrace")) {
      try {
        killGrace = Durations.parse(s.get("killGrace"));
      } catch (IllegalArgumentException e) {
        problems.add(expected("killGrace", e.getMessage(), s.get("killGrace")));
      }
    }
    Launch launcher = Launch.EITHER;
    if (s.containsKey("launcher")) {
      switch (s.get("launcher").trim()) {
        case "spawner" -> launcher = Launch.SPAWNER;
        case "sh" -> launcher = Launch.SH;
        default -> problems.add(expected("launcher", "spawner or sh", s.get("launcher")));
      }
    }
    if (!problems.isEmpty()) {
      String prefix = "site " + site.name() + ": ";
      throw new ConnectorException(prefix + String.join("\n" + prefix, problems), false);
    }
    return new LocalSettings(
        home.toAbsolutePath(), stateDir.toAbsolutePath(), cpus, memory, killGrace, launcher);
  }

  /** A path, with a leading {@code ~/} standing for the user's home folder. */
  private static Path path(String text) {
    return text.startsWith("~/")
        ? Path.of(System.getProperty("user.home"), text.substring(2))
        : Path.of(text);
  }

  private static String expected(String key, String what, String found) {
    return key + ": expected " + what + " but found '" + found + "'";
  }

  /** MemTotal from /proc/meminfo, in bytes. */
  private static long totalMemory() throws ConnectorException {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith("MemTotal:")) {
          String kib = line.substring("MemTotal:".length()).replace("kB", "").trim();
          return Long.parseLong(kib) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      // reported below
    }
    throw new ConnectorException(
        "cannot read MemTotal from /proc/meminfo: set the local site's memory, like 16GiB", false);
  }
}
