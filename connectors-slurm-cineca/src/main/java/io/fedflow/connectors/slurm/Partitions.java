package io.fedflow.connectors.slurm;

import io.fedflow.dag.Durations;
import io.fedflow.dag.Size;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The partitions and QoS a Slurm site's settings describe ({@code partitions.<name>.<field>},
 * {@code qos.<name>.<field>}), in the order written, with the limits as written for messages.
 */
record Partitions(List<Partition> partitions, List<Qos> qos, Map<String, String> written) {
  static final Partitions NONE = new Partitions(List.of(), List.of(), Map.of());

  static final List<String> PARTITION_FIELDS =
      List.of(
          "nodes",
          "cpusPerNode",
          "memoryPerNode",
          "gpusPerNode",
          "gpuModel",
          "cpuModel",
          "maxNodes",
          "maxWalltime",
          "maxCpus",
          "maxMemory");
  static final List<String> QOS_FIELDS =
      List.of("partitions", "minNodes", "maxNodes", "maxWalltime");

  Partitions {
    partitions = List.copyOf(partitions);
    qos = List.copyOf(qos);
    written = Map.copyOf(written);
  }

  /** Whether {@code key} belongs here ({@code partitions.*} or {@code qos.*}). */
  static boolean owns(String key) {
    return key.startsWith("partitions.") || key.startsWith("qos.");
  }

  /** Reads the descriptions out of a site's settings, adding every problem to {@code problems}. */
  static Partitions of(Map<String, String> settings, List<String> problems) {
    Map<String, Map<String, String>> parts =
        group(settings, "partitions", PARTITION_FIELDS, problems);
    Map<String, Map<String, String>> qoses = group(settings, "qos", QOS_FIELDS, problems);
    Reader r = new Reader(problems);
    List<Partition> partitions = new ArrayList<>();
    parts.forEach(
        (name, f) -> {
          String at = "partitions." + name + ".";
          partitions.add(
              new Partition(
                  name,
                  r.count(at + "nodes", f.get("nodes"), 1),
                  r.count(at + "cpusPerNode", f.get("cpusPerNode"), 1),
                  r.size(at + "memoryPerNode", f.get("memoryPerNode")),
                  r.count(at + "gpusPerNode", f.get("gpusPerNode"), 0),
                  f.get("gpuModel"),
                  f.get("cpuModel"),
                  r.count(at + "maxNodes", f.get("maxNodes"), 1),
                  r.duration(at + "maxWalltime", f.get("maxWalltime")),
                  r.count(at + "maxCpus", f.get("maxCpus"), 1),
                  r.size(at + "maxMemory", f.get("maxMemory"))));
        });
    List<Qos> qos = new ArrayList<>();
    qoses.forEach(
        (name, f) -> {
          String at = "qos." + name + ".";
          List<String> on = List.of();
          if (f.get("partitions") == null) {
            problems.add(at + "partitions: required (the partitions it applies to)");
          } else {
            on = Arrays.stream(f.get("partitions").split(",")).map(String::strip).toList();
            for (String p : on) {
              if (!parts.containsKey(p)) {
                problems.add(
                    at
                        + "partitions: expected partitions described under partitions but found '"
                        + p
                        + "'");
              }
            }
          }
          qos.add(
              new Qos(
                  name,
                  on,
                  r.count(at + "minNodes", f.get("minNodes"), 1),
                  r.count(at + "maxNodes", f.get("maxNodes"), 1),
                  r.duration(at + "maxWalltime", f.get("maxWalltime"))));
        });
    Map<String, String> written = new LinkedHashMap<>();
    settings.forEach(
        (k, v) -> {
          if (owns(k)) {
            written.put(k, v.strip());
          }
        });
    return new Partitions(partitions, qos, written);
  }

  Partition partition(String name) {
    return partitions.stream().filter(p -> p.name().equals(name)).findFirst().orElse(null);
  }

  Qos qos(String name) {
    return qos.stream().filter(q -> q.name().equals(name)).findFirst().orElse(null);
  }

  /** The fields of each {@code <prefix>.<name>.<field>} key, by name in the order written. */
  private static Map<String, Map<String, String>> group(
      Map<String, String> settings, String prefix, List<String> fields, List<String> problems) {
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : settings.entrySet()) {
      String key = e.getKey();
      if (!key.startsWith(prefix + ".")) {
        continue;
      }
      String[] parts = key.split("\\.", -1);
      if (parts.length != 3 || parts[1].isEmpty() || !fields.contains(parts[2])) {
        problems.add(
            key
                + ": expected "
                + prefix
                + ".<name>.<field>, the field one of "
                + String.join(", ", fields));
        continue;
      }
      out.computeIfAbsent(parts[1], n -> new LinkedHashMap<>()).put(parts[2], e.getValue());
    }
    return out;
  }

  /** Parses values, adding a problem for each bad one and returning null for it. */
  private record Reader(List<String> problems) {
    Integer count(String key, String text, int least) {
      return parse(
          key,
          text,
          "a whole number of at least " + least,
          t -> {
            int n = Integer.parseInt(t);
            if (n < least) {
              throw new IllegalArgumentException();
            }
            return n;
          });
    }

    Duration duration(String key, String text) {
      return parse(key, text, "a duration like 30m, 24h or 4d", Durations::parse);
    }

    Size size(String key, String text) {
      return parse(key, text, "a size like 30.8GB or 512GiB", Size::parse);
    }

    private <T> T parse(String key, String text, String expected, Function<String, T> parser) {
      if (text == null) {
        return null;
      }
      try {
        return parser.apply(text.strip());
      } catch (IllegalArgumentException e) {
        problems.add(key + ": expected " + expected + " but found '" + text + "'");
        return null;
      }
    }
  }
}
