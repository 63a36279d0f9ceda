package io.fedflow.dag.yaml;

import io.fedflow.dag.ContainerImage;
import io.fedflow.dag.Deadline;
import io.fedflow.dag.Durations;
import io.fedflow.dag.JobBuilder;
import io.fedflow.dag.Objective;
import io.fedflow.dag.Placement;
import io.fedflow.dag.Resources;
import io.fedflow.dag.RetryPolicy;
import io.fedflow.dag.Size;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The job settings that {@code defaults} takes too: labels, env, workdir, container, resources,
 * retries, priority, category and placement.
 */
final class Settings {
  static final String CONTAINER = "an image like docker://python:3.12 or a .sif file";
  static final String OBJECTIVE = "one of energy, cost or time";
  static final String DEADLINE = "a duration like 12h or an instant like 2026-12-01T08:00:00Z";

  private Settings() {}

  static void read(Fields f, JobBuilder b) {
    f.read(
        "labels",
        x -> x.textMap("a map of strings", "a label name", "a string"),
        m -> m.forEach(b::label));
    f.read(
        "env",
        x -> x.textMap("a map of strings", "a variable name", "a string"),
        m -> m.forEach(b::env));
    f.read("workdir", x -> x.text("a directory path"), b::workdir);
    f.read("container", Settings::container, b::container);
    f.read("resources", Settings::resources, b::resources);
    f.read("retries", Settings::retries, b::retry);
    f.read("priority", x -> x.integer("an integer", Integer.MIN_VALUE), b::priority);
    f.read("category", x -> x.text("a category name"), b::category);
    f.read("placement", Settings::placement, b::placement);
  }

  private static String container(Field x) {
    String t = x.text(CONTAINER);
    if (t != null && !ContainerImage.isValid(t)) {
      x.wrong(CONTAINER);
      return null;
    }
    return t;
  }

  private static Resources resources(Field x) {
    Fields f = x.fields(Vocabulary.RESOURCES);
    if (f == null) {
      return null;
    }
    Integer cpus = f.value("cpus", y -> y.integer("an integer of 1 or more", 1));
    Integer gpus = f.value("gpus", y -> y.integer("an integer of 0 or more", 0));
    String model = f.value("gpuModel", y -> y.text("a GPU model like A100"));
    Size memory = f.value("memory", Field::size);
    Size disk = f.value("disk", Field::size);
    Duration walltime = f.value("walltime", Field::duration);
    return new Resources(cpus, gpus, model, memory, disk, walltime);
  }

  private static RetryPolicy retries(Field x) {
    String count = "a number of retries like 3, or a map like {count: 3, backoff: {initial: 30s}}";
    if (!x.isMap()) {
      Integer n = x.integer(count, 0);
      return n == null ? null : RetryPolicy.times(n);
    }
    Fields f = x.fields(Vocabulary.RETRIES);
    if (f == null) {
      return null;
    }
    Integer n =
        f.required("count", "a number of retries", y -> y.integer("an integer of 0 or more", 0));
    Duration initial = RetryPolicy.DEFAULT_INITIAL_DELAY;
    Double factor = RetryPolicy.DEFAULT_FACTOR;
    Duration max = RetryPolicy.DEFAULT_MAX_DELAY;
    if (f.has("backoff")) {
      Fields b = f.get("backoff").fields(Vocabulary.BACKOFF);
      if (b == null) {
        return null;
      }
      initial = b.value("initial", Field::duration, initial);
      factor = b.value("factor", y -> y.number("a factor of at least 1, like 2 or 1.5", 1), factor);
      max = b.value("max", Field::duration, max);
    }
    if (n == null || initial == null || factor == null || max == null) {
      return null;
    }
    double backoffFactor = factor;
    Duration first = initial;
    Duration longest = max;
    return x.parsed(() -> new RetryPolicy(n, first, backoffFactor, longest));
  }

  private static Placement placement(Field x) {
    Fields f = x.fields(Vocabulary.PLACEMENT);
    if (f == null) {
      return null;
    }
    List<String> sites = f.value("sites", y -> y.texts("a list of site names", "a site name"));
    List<String> excluded =
        f.value("excludeSites", y -> y.texts("a list of site names", "a site name"));
    Objective objective = f.value("objective", Settings::objective);
    Deadline deadline = f.value("deadline", Settings::deadline);
    return new Placement(sites, excluded, objective, deadline);
  }

  private static Objective objective(Field x) {
    String t = x.text(OBJECTIVE);
    if (t == null) {
      return null;
    }
    for (Objective o : Objective.values()) {
      if (o.word().equals(t)) {
        return o;
      }
    }
    x.wrong(OBJECTIVE);
    return null;
  }

  private static Deadline deadline(Field x) {
    String t = x.text(DEADLINE);
    if (t == null) {
      return null;
    }
    try {
      return new Deadline.Within(Durations.parse(t));
    } catch (IllegalArgumentException notDuration) {
      try {
        return new Deadline.At(Instant.parse(t));
      } catch (DateTimeParseException notInstant) {
        x.wrong(DEADLINE);
        return null;
      }
    }
  }
}
