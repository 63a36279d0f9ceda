package io.fedflow.cli;

import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The job instances of a run, one row each, except that a fan-out of more than {@link
 * #SUMMARISED_ABOVE} instances is one row with the count in each state, unless all are asked for.
 * Energy and billing columns appear when a site told them for some instance's latest attempt.
 */
final class StatusTable {
  static final int SUMMARISED_ABOVE = 10;

  private StatusTable() {}

  /**
   * @param jobs the run's instances, in plan order
   * @param all one row per instance, however many
   */
  static void print(List<JobRow> jobs, boolean all, Instant now, ZoneId zone, PrintWriter out) {
    boolean usage = jobs.stream().anyMatch(j -> j.energyJoules() != null || j.billing() != null);
    Table t =
        new Table()
            .column("INSTANCE")
            .column("STATE")
            .column("SITE")
            .numberColumn("ATTEMPTS")
            .numberColumn("STARTED")
            .numberColumn("ENDED")
            .numberColumn("EXIT");
    if (usage) {
      t.numberColumn("ENERGY").numberColumn("BILLING");
    }
    Map<String, List<JobRow>> byJob = new LinkedHashMap<>();
    jobs.forEach(j -> byJob.computeIfAbsent(j.job(), k -> new ArrayList<>()).add(j));
    List<String> summarised = new ArrayList<>();
    byJob.forEach(
        (job, instances) -> {
          if (!all && instances.size() > SUMMARISED_ABOVE) {
            t.row(withUsage(summaryRow(job, instances, now, zone), usage, total(instances), "-"));
            summarised.add(job);
          } else {
            instances.forEach(
                j ->
                    t.row(
                        withUsage(
                            row(j, now, zone),
                            usage,
                            UsageWords.energy(j.energyJoules()),
                            UsageWords.billing(j.billing()))));
          }
        });
    t.print(out, true);
    if (!summarised.isEmpty()) {
      out.println(
          "One row for each job of more than "
              + SUMMARISED_ABOVE
              + " instances ("
              + String.join(", ", summarised)
              + "): --all lists every instance.");
    }
  }

  private static String[] withUsage(String[] cells, boolean usage, String energy, String billing) {
    if (!usage) {
      return cells;
    }
    String[] out = Arrays.copyOf(cells, cells.length + 2);
    out[cells.length] = energy;
    out[cells.length + 1] = billing;
    return out;
  }

  /** The energy of a fan-out's latest attempts, summed; its billings are rates, not summed. */
  private static String total(List<JobRow> rows) {
    boolean any = rows.stream().anyMatch(j -> j.energyJoules() != null);
    return any
        ? UsageWords.energy(
            rows.stream()
                .map(JobRow::energyJoules)
                .filter(Objects::nonNull)
                .mapToLong(e -> e)
                .sum())
        : "-";
  }

  private static String[] row(JobRow j, Instant now, ZoneId zone) {
    return new String[] {
      j.instanceId(),
      RunWords.state(j.state()),
      j.site() == null ? "-" : j.site(),
      Integer.toString(j.attempt()),
      RunWords.when(j.startedAt(), now, zone),
      RunWords.when(j.endedAt(), now, zone),
      j.exitCode() == null ? "-" : j.exitCode().toString()
    };
  }

  /** {@code simulate ×1000 990 succeeded, 10 failed local 1012 19:32:01 - -}. */
  private static String[] summaryRow(String job, List<JobRow> rows, Instant now, ZoneId zone) {
    String sites =
        rows.stream()
            .map(JobRow::site)
            .filter(Objects::nonNull)
            .distinct()
            .sorted()
            .collect(Collectors.joining(","));
    Instant started =
        rows.stream()
            .map(JobRow::startedAt)
            .filter(Objects::nonNull)
            .min(Comparator.naturalOrder())
            .orElse(null);
    boolean allEnded = rows.stream().allMatch(j -> j.state().isTerminal());
    Instant ended =
        allEnded
            ? rows.stream()
                .map(JobRow::endedAt)
                .filter(Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null)
            : null;
    Map<JobState, Long> counts = RunWords.countsOf(rows);
    return new String[] {
      job + " ×" + rows.size(),
      RunWords.counts(counts),
      sites.isEmpty() ? "-" : sites,
      Long.toString(rows.stream().mapToLong(JobRow::attempt).sum()),
      RunWords.when(started, now, zone),
      RunWords.when(ended, now, zone),
      "-"
    };
  }
}
