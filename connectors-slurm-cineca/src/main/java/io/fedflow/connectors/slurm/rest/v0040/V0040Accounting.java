package io.fedflow.connectors.slurm.rest.v0040;

import com.fasterxml.jackson.databind.JsonNode;
import io.fedflow.connectors.slurm.rest.JobRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Jobs from slurmdbd in the v0.0.40 family, read from the JSON tree: the specs fedflow builds from
 * (24.11 without slurmdbd) have no {@code /slurmdb} schemas to generate models from. The fields
 * read are those of Slurm's data_parser for v0.0.40-42 ({@code state.current} a list, {@code
 * exit_code} as in slurmctld, {@code time.start} a plain integer, step energy a {@code {set,
 * infinite, number}}); a number is accepted either plain or as such an object.
 */
final class V0040Accounting {
  private V0040Accounting() {}

  static List<JobRecord> jobs(JsonNode root) {
    List<JobRecord> jobs = new ArrayList<>();
    for (JsonNode j : root.path("jobs")) {
      jobs.add(job(j));
    }
    return jobs;
  }

  static JobRecord job(JsonNode j) {
    List<String> states = new ArrayList<>();
    JsonNode current = j.path("state").path("current");
    if (current.isArray()) {
      current.forEach(s -> states.add(s.asText().toUpperCase(Locale.ROOT)));
    } else if (current.isTextual()) {
      states.add(current.asText());
    }
    JsonNode ec = j.path("exit_code");
    Long signal = number(ec.path("signal").path("id"));
    Long rc = number(ec.path("return_code"));
    boolean signalled = signal != null && signal != 0;
    JsonNode time = j.path("time");
    Long arrayJob = number(j.path("array").path("job_id"));
    arrayJob = arrayJob == null || arrayJob <= 0 ? null : arrayJob;
    Long task = number(j.path("array").path("task_id"));
    return new JobRecord(
        j.path("job_id").asLong(),
        text(j.path("name")),
        text(j.path("comment").path("job")),
        states,
        signalled || rc == null ? null : rc.intValue(),
        signalled ? signal.intValue() : null,
        instant(number(time.path("submission"))),
        instant(number(time.path("start"))),
        instant(number(time.path("end"))),
        V0040Codec.reason(text(j.path("state").path("reason"))),
        billing(j.path("tres").path("allocated")),
        energy(j.path("steps")),
        true,
        text(j.path("user")),
        arrayJob,
        arrayJob == null ? null : task == null ? null : task.intValue(),
        null);
  }

  private static Double billing(JsonNode tres) {
    for (JsonNode t : tres) {
      if ("billing".equals(t.path("type").asText()) && number(t.path("count")) != null) {
        return number(t.path("count")).doubleValue();
      }
    }
    return null;
  }

  /** ConsumedEnergy summed over the steps; 0 means "not measured" (no energy plugin). */
  private static Long energy(JsonNode steps) {
    long sum = 0;
    for (JsonNode s : steps) {
      Long e = number(s.path("statistics").path("energy").path("consumed"));
      sum += e == null ? 0 : e;
    }
    return sum > 0 ? sum : null;
  }

  /** A plain number, or a {@code {set, infinite, number}} that is set and finite. */
  static Long number(JsonNode n) {
    if (n.isNumber()) {
      return n.asLong();
    }
    if (n.isObject()) {
      return V0040Codec.value(
          n.path("set").isBoolean() ? n.path("set").asBoolean() : null,
          n.path("infinite").asBoolean(false),
          n.path("number").isNumber() ? n.path("number").asLong() : null);
    }
    return null;
  }

  private static Instant instant(Long seconds) {
    return seconds == null || seconds <= 0 ? null : Instant.ofEpochSecond(seconds);
  }

  private static String text(JsonNode n) {
    return n.isTextual() && !n.asText().isEmpty() ? n.asText() : null;
  }
}
