package io.fedflow.engine.connector.memory;

import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.SiteConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The settings of a memory site: how its jobs behave.
 *
 * @param slots jobs it holds at once (queued or running); its free slots are what is left
 * @param pollsQueued polls that see a job queued before it runs
 * @param pollsRunning polls that see a job running before it ends
 * @param failJobs instances that fail with {@code failExitCode}
 * @param failAttempts how many attempts of those fail (then they succeed); 0 for every attempt
 * @param siteFaultJobs instances whose first {@code siteFaultAttempts} attempts end by a site fault
 * @param rejectJobs instances whose submission is refused for good
 * @param flakyJobs instances whose first submission call of each attempt fails, transiently
 * @param unknownJobs instances whose state the first {@code unknownPolls} polls cannot tell
 * @param energyJoules the energy each attempt reports when it ends, or null: the site measures none
 * @param billing the billing each attempt reports from its start, or null: the site tells none
 */
record MemorySettings(
    int slots,
    int pollsQueued,
    int pollsRunning,
    InstancePatterns failJobs,
    int failExitCode,
    int failAttempts,
    InstancePatterns siteFaultJobs,
    int siteFaultAttempts,
    InstancePatterns rejectJobs,
    InstancePatterns flakyJobs,
    InstancePatterns unknownJobs,
    int unknownPolls,
    Long energyJoules,
    Double billing) {

  private static final List<String> KNOWN =
      List.copyOf(
          new TreeSet<>(
              List.of(
                  "slots",
                  "pollsQueued",
                  "pollsRunning",
                  "failJobs",
                  "failExitCode",
                  "failAttempts",
                  "siteFaultJobs",
                  "siteFaultAttempts",
                  "rejectJobs",
                  "flakyJobs",
                  "unknownJobs",
                  "unknownPolls",
                  "energyJoules",
                  "billing")));

  /**
   * Reads a site's settings, reporting every problem at once.
   *
   * @throws ConnectorException naming the site, each bad setting, what was expected and found
   */
  static MemorySettings of(SiteConfig site) throws ConnectorException {
    Map<String, String> s = site.settings();
    List<String> problems = new ArrayList<>();
    for (String key : new TreeSet<>(s.keySet())) {
      if (!KNOWN.contains(key)) {
        problems.add("unknown setting '" + key + "' (known: " + String.join(", ", KNOWN) + ")");
      }
    }
    Reader r = new Reader(s, problems);
    MemorySettings out =
        new MemorySettings(
            r.number("slots", 1000, 1),
            r.number("pollsQueued", 0, 0),
            r.number("pollsRunning", 0, 0),
            r.patterns("failJobs"),
            r.number("failExitCode", 1, 1),
            r.number("failAttempts", 0, 0),
            r.patterns("siteFaultJobs"),
            r.number("siteFaultAttempts", 1, 1),
            r.patterns("rejectJobs"),
            r.patterns("flakyJobs"),
            r.patterns("unknownJobs"),
            r.number("unknownPolls", 1, 1),
            r.joules("energyJoules"),
            r.billing("billing"));
    if (!problems.isEmpty()) {
      throw new ConnectorException(
          "site " + site.name() + ": " + String.join("; ", problems), false);
    }
    return out;
  }

  /** Reads settings, collecting problems rather than stopping at the first. */
  private record Reader(Map<String, String> settings, List<String> problems) {
    int number(String key, int otherwise, int least) {
      String text = settings.get(key);
      if (text == null) {
        return otherwise;
      }
      try {
        int n = Integer.parseInt(text.strip());
        if (n >= least) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problems.add(
          key + ": expected a whole number of at least " + least + " but found '" + text + "'");
      return otherwise;
    }

    Long joules(String key) {
      String text = settings.get(key);
      if (text == null) {
        return null;
      }
      try {
        long n = Long.parseLong(text.strip());
        if (n >= 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problems.add(
          key + ": expected a whole number of joules, 0 or more, but found '" + text + "'");
      return null;
    }

    Double billing(String key) {
      String text = settings.get(key);
      if (text == null) {
        return null;
      }
      try {
        double n = Double.parseDouble(text.strip());
        if (n >= 0 && Double.isFinite(n)) {
          return n;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      problems.add(key + ": expected a number, 0 or more, but found '" + text + "'");
      return null;
    }

    InstancePatterns patterns(String key) {
      String text = settings.get(key);
      if (text == null) {
        return InstancePatterns.NONE;
      }
      InstancePatterns p = InstancePatterns.parse(text);
      if (p == null) {
        problems.add(
            key + ": expected instance-id patterns separated by commas but found '" + text + "'");
        return InstancePatterns.NONE;
      }
      return p;
    }
  }
}
