package io.fedflow.connectors.slurm;

import io.fedflow.connectors.slurm.rest.SlurmToken;
import io.fedflow.connectors.slurm.ssh.SshSettings;
import io.fedflow.dag.Durations;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.SiteConfig;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The settings of a Slurm site.
 *
 * @param site the site's name, for messages
 * @param url slurmrestd's base URL ({@code url}, required over REST; null over SSH)
 * @param user the cluster user jobs run as ({@code user}, required; {@code X-SLURM-USER-NAME}, or
 *     the login user over SSH)
 * @param token where the JWT is ({@code token}, required over REST; null over SSH): {@code file:},
 *     {@code env:} or {@code command:}, never the token itself
 * @param api the REST API version ({@code api}: {@code auto}, the default, or {@code v0.0.38} ...)
 * @param partition {@code partition}, {@code account}, {@code qos}: optional, the cluster's
 *     defaults otherwise
 * @param workdir the folder on the cluster, writable by {@code user}, under which each run gets a
 *     folder ({@code workdir}, required, absolute)
 * @param path the {@code PATH} jobs get ({@code path}, default {@code
 *     /usr/local/bin:/usr/bin:/bin}): slurmrestd passes the submitter's environment to no job
 * @param capacityCache how long an answer of {@link SlurmConnector#capacity} is reused ({@code
 *     capacityCache}, default 5s)
 * @param ssh with {@code transport: ssh}, how to reach the login node ({@code host}, {@code port},
 *     {@code identityFile}, {@code knownHosts}, {@code controlPersist}); null with {@code
 *     transport: rest}, the default
 * @param arrays whether attempts handed over together go as job arrays ({@code arrays}, default
 *     true)
 * @param maxArraySize the site's {@code MaxArraySize}: task ids stay below it ({@code
 *     maxArraySize}, default 1001 as Slurm's)
 * @param maxJobsPerUser how many jobs (each array task one) fedflow keeps queued or running as
 *     {@code user} at the site: the site's {@code MaxSubmitJobs} when it has one ({@code
 *     maxJobsPerUser}, default {@value #DEFAULT_MAX_JOBS_PER_USER})
 * @param partitions the partitions and QoS described ({@code partitions.<name>.<field>}, {@code
 *     qos.<name>.<field>}), from which each job's is chosen
 */
record SlurmSettings(
    String site,
    URI url,
    String user,
    SlurmToken token,
    String api,
    String partition,
    String account,
    String qos,
    String workdir,
    String path,
    Duration capacityCache,
    SshSettings ssh,
    boolean arrays,
    int maxArraySize,
    int maxJobsPerUser,
    Partitions partitions) {

  /**
   * Jobs kept in a site's queue when it states no limit: a tenth of Slurm's default MaxJobCount
   * (10,000, for the whole cluster), so that one user's run does not fill a small cluster's table.
   */
  static final int DEFAULT_MAX_JOBS_PER_USER = 1000;

  static final Set<String> KEYS =
      Set.of(
          "transport",
          "host",
          "port",
          "identityFile",
          "knownHosts",
          "controlPersist",
          "url",
          "user",
          "token",
          "api",
          "partition",
          "account",
          "qos",
          "workdir",
          "path",
          "capacityCache",
          "arrays",
          "maxArraySize",
          "maxJobsPerUser");

  /** Reads a site's settings, reporting every bad one at once, each naming the site and key. */
  static SlurmSettings of(SiteConfig site, Clock clock, UnaryOperator<String> environment)
      throws ConnectorException {
    Map<String, String> s = site.settings();
    List<String> problems = new ArrayList<>();
    for (String key : s.keySet().stream().sorted().toList()) {
      if (!KEYS.contains(key) && !Partitions.owns(key)) {
        problems.add(
            key
                + ": expected one of "
                + String.join(", ", KEYS.stream().sorted().toList())
                + ", partitions.<name>.<field>, qos.<name>.<field>");
      }
    }
    String transport = s.getOrDefault("transport", "rest").strip();
    boolean overSsh = transport.equals("ssh");
    if (!overSsh && !transport.equals("rest")) {
      problems.add(expected("transport", "rest or ssh", transport));
    }
    URI url = null;
    String urlText = overSsh ? null : required(s, "url", problems);
    if (urlText != null) {
      try {
        url = new URI(urlText.strip());
        if (!List.of("http", "https").contains(String.valueOf(url.getScheme()))
            || url.getHost() == null) {
          problems.add(expected("url", "an http(s) URL like http://slurm.example:6820", urlText));
        }
      } catch (URISyntaxException e) {
        problems.add(expected("url", "an http(s) URL like http://slurm.example:6820", urlText));
      }
    }
    String user = required(s, "user", problems);
    SlurmToken token = null;
    String tokenText = overSsh ? null : required(s, "token", problems);
    if (tokenText != null) {
      try {
        token = SlurmToken.parse(tokenText, clock, environment);
      } catch (IllegalArgumentException e) {
        // Never echo the value: it may be the token itself.
        problems.add(
            "token: expected a reference like file:/path/to/jwt, env:SLURM_JWT or command:scontrol"
                + " token, never the token itself");
      }
    }
    String workdir = required(s, "workdir", problems);
    if (workdir != null && !workdir.startsWith("/")) {
      problems.add(expected("workdir", "an absolute folder on the cluster", workdir));
    }
    if (workdir != null && workdir.contains("\n")) {
      problems.add("workdir: expected one line");
    }
    Duration cache = Duration.ofSeconds(5);
    if (s.containsKey("capacityCache")) {
      try {
        cache = Durations.parse(s.get("capacityCache"));
      } catch (IllegalArgumentException e) {
        problems.add(expected("capacityCache", e.getMessage(), s.get("capacityCache")));
      }
    }
    SshSettings ssh = null;
    if (overSsh) {
      ssh = SshSettings.read(s, user, problems);
    } else if (transport.equals("rest")) {
      for (String key : SshSettings.KEYS.stream().sorted().toList()) {
        if (s.containsKey(key)) {
          problems.add(key + ": used only with transport: ssh");
        }
      }
    }
    boolean arrays = true;
    String arraysText = s.getOrDefault("arrays", "true").strip();
    if (arraysText.equals("false")) {
      arrays = false;
    } else if (!arraysText.equals("true")) {
      problems.add(expected("arrays", "true or false", s.get("arrays")));
    }
    Integer maxArraySize = positive(s, "maxArraySize", 2, problems);
    Integer maxJobsPerUser = positive(s, "maxJobsPerUser", 1, problems);
    Partitions partitions = Partitions.of(s, problems);
    if (!problems.isEmpty()) {
      String prefix = "site " + site.name() + ": ";
      throw new ConnectorException(prefix + String.join("\n" + prefix, problems), false);
    }
    return new SlurmSettings(
        site.name(),
        url,
        user.strip(),
        token,
        s.getOrDefault("api", "auto").strip(),
        blankToNull(s.get("partition")),
        blankToNull(s.get("account")),
        blankToNull(s.get("qos")),
        workdir.endsWith("/") && workdir.length() > 1
            ? workdir.substring(0, workdir.length() - 1)
            : workdir,
        s.getOrDefault("path", "/usr/local/bin:/usr/bin:/bin"),
        cache,
        ssh,
        arrays,
        maxArraySize == null ? 1001 : maxArraySize,
        maxJobsPerUser == null ? DEFAULT_MAX_JOBS_PER_USER : maxJobsPerUser,
        partitions);
  }

  /** An optional whole number of at least {@code min}. */
  private static Integer positive(
      Map<String, String> s, String key, int min, List<String> problems) {
    String text = s.get(key);
    if (text == null) {
      return null;
    }
    try {
      int n = Integer.parseInt(text.strip());
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(expected(key, "a whole number of at least " + min, text));
    return null;
  }

  /** Chooses each job's partition and QoS. */
  PartitionChoice partitionChoice() {
    return new PartitionChoice(partitions, partition, qos);
  }

  static String required(Map<String, String> s, String key, List<String> problems) {
    String value = s.get(key);
    if (value == null || value.isBlank()) {
      problems.add(key + ": required");
      return null;
    }
    return value;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  static String expected(String key, String what, String found) {
    return key + ": expected " + what + " but found '" + found + "'";
  }
}
