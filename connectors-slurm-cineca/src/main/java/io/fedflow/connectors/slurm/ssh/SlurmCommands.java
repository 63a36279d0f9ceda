package io.fedflow.connectors.slurm.ssh;

import io.fedflow.connectors.slurm.rest.ApiVersion;
import io.fedflow.connectors.slurm.rest.JobRecord;
import io.fedflow.connectors.slurm.rest.JobRequest;
import io.fedflow.connectors.slurm.rest.NodeRecord;
import io.fedflow.connectors.slurm.rest.PartitionRecord;
import io.fedflow.connectors.slurm.rest.SlurmAnswers;
import io.fedflow.connectors.slurm.rest.SlurmClient;
import io.fedflow.engine.connector.ConnectorException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A Slurm cluster through its commands on a login node. Per call: submit is {@code sbatch
 * --parsable} with the script on stdin; jobs is {@code squeue --json}; accounting is {@code sacct
 * --json} by id or by names; cancel is {@code scancel}; nodes is {@code sinfo --json} (22.05) or
 * {@code scontrol show nodes --json}; partitions is {@code sinfo}'s text (22.05) or {@code scontrol
 * show partitions --json}; ping is {@code scontrol ping}. The JSON is read by the same {@link
 * SlurmAnswers} as slurmrestd's bodies of that version.
 */
public final class SlurmCommands implements SlurmClient {
  /** How far back a search by name looks in accounting (sacct's default is since midnight). */
  static final String ACCOUNTING_WINDOW = "now-30days";

  private final LoginNode node;
  private final ApiVersion version;
  private final SlurmAnswers answers;
  private final CommandFailures failures;

  SlurmCommands(LoginNode node, String site, ApiVersion version) {
    this.node = node;
    this.version = version;
    this.answers = SlurmAnswers.of(version);
    this.failures = new CommandFailures(site);
  }

  /**
   * The client for the version the site's commands write: {@code api} when it names one, else read
   * once from {@code sbatch --version}.
   */
  public static SlurmCommands connect(LoginNode node, String site, String api)
      throws ConnectorException {
    ApiVersion version;
    if (api == null || api.equals("auto")) {
      List<String> probe = List.of("sbatch", "--version");
      LoginNode.Result r = node.run(probe, null);
      CommandFailures failures = new CommandFailures(site);
      failures.check(probe, r);
      version = SlurmRelease.parse(r.out()).version(site);
    } else {
      version =
          ApiVersion.named(api)
              .orElseThrow(
                  () ->
                      new ConnectorException(
                          "site "
                              + site
                              + ": api: expected auto, v0.0.38, v0.0.40, v0.0.41 or v0.0.42 but"
                              + " found '"
                              + api
                              + "'",
                          false));
    }
    return new SlurmCommands(node, site, version);
  }

  @Override
  public ApiVersion version() {
    return version;
  }

  /** {@code --json}, or {@code --json=v0.0.42}: 23.11 and later write the version asked for. */
  private String json() {
    return version.modern() ? "--json=" + version.tag() : "--json";
  }

  @Override
  public long submit(JobRequest request) throws ConnectorException {
    List<String> argv;
    String script;
    try {
      argv = Sbatch.argv(request);
      script = Sbatch.script(request);
    } catch (IllegalArgumentException e) {
      throw failures.refused(request.name(), e.getMessage());
    }
    LoginNode.Result r = node.run(argv, script);
    failures.check(argv, r);
    // "123", or "123;cluster" on a federation.
    String first = r.out().strip().split(";", 2)[0];
    try {
      return Long.parseLong(first);
    } catch (NumberFormatException e) {
      throw failures.unreadable(argv, "a job id", r.out());
    }
  }

  @Override
  public List<JobRecord> jobs() throws ConnectorException {
    List<String> argv = List.of("squeue", json());
    return answers.jobs(failures.source(argv), output(argv));
  }

  /** 22.05's {@code squeue --json} ignores filters: the job is picked from all of them. */
  @Override
  public Optional<JobRecord> job(long id) throws ConnectorException {
    return jobs().stream().filter(j -> j.id() == id).findFirst();
  }

  @Override
  public Optional<JobRecord> accountingJob(long id) throws ConnectorException {
    List<String> argv = List.of("sacct", json(), "--jobs=" + id);
    return answers.accountingJobs(failures.source(argv), output(argv)).stream()
        .filter(j -> j.id() == id)
        .findFirst();
  }

  @Override
  public List<JobRecord> accountingJobsNamed(Collection<String> names) throws ConnectorException {
    if (names.isEmpty()) {
      return List.of();
    }
    for (String name : names) {
      if (name.contains(",")) {
        throw new ConnectorException(
            "site " + failures.site() + ": sacct cannot search for a name with a comma: " + name,
            false);
      }
    }
    List<String> argv =
        List.of(
            "sacct",
            json(),
            "--starttime=" + ACCOUNTING_WINDOW,
            "--name=" + String.join(",", names.stream().sorted().toList()));
    return answers.accountingJobs(failures.source(argv), output(argv));
  }

  /** scancel says nothing and exits 0 for a job that ended or that slurmctld forgot. */
  @Override
  public void cancel(long id) throws ConnectorException {
    List<String> argv = List.of("scancel", Long.toString(id));
    LoginNode.Result r = node.run(argv, null);
    if (r.exit() != 0 && !r.err().contains("Invalid job id")) {
      failures.check(argv, r);
    }
  }

  @Override
  public List<NodeRecord> nodes() throws ConnectorException {
    List<String> argv =
        version.modern() ? List.of("scontrol", json(), "show", "nodes") : List.of("sinfo", json());
    return answers.nodes(failures.source(argv), output(argv));
  }

  /** 22.05 writes no partitions as JSON: its {@code sinfo} text, one line per partition. */
  @Override
  public List<PartitionRecord> partitions() throws ConnectorException {
    if (version.modern()) {
      List<String> argv = List.of("scontrol", json(), "show", "partitions");
      return answers.partitions(failures.source(argv), output(argv));
    }
    List<String> argv = List.of("sinfo", "--noheader", "--format=%R %a %C");
    List<PartitionRecord> partitions = new ArrayList<>();
    for (String line : output(argv).split("\n")) {
      String[] f = line.strip().split(" ");
      if (line.isBlank()) {
        continue;
      }
      String[] cpus = f.length == 3 ? f[2].split("/") : new String[0];
      if (cpus.length != 4 || !cpus[3].matches("[0-9]{1,9}")) {
        throw failures.unreadable(argv, "NAME STATE ALLOCATED/IDLE/OTHER/TOTAL", line);
      }
      partitions.add(new PartitionRecord(f[0], f[1].equals("up"), Integer.parseInt(cpus[3])));
    }
    return partitions;
  }

  @Override
  public void ping() throws ConnectorException {
    List<String> argv = List.of("scontrol", "ping");
    String said = output(argv);
    if (!said.contains(" is UP")) {
      throw new ConnectorException(
          "site " + failures.site() + ": scontrol ping says no controller is UP: " + said.strip(),
          true);
    }
  }

  /** A remote {@code cat}: the login node shares the cluster's file systems with the jobs. */
  @Override
  public Optional<InputStream> readFile(String path) throws ConnectorException {
    String said = output(List.of("cat", "--", path));
    return Optional.of(new ByteArrayInputStream(said.getBytes(StandardCharsets.UTF_8)));
  }

  private String output(List<String> argv) throws ConnectorException {
    LoginNode.Result r = node.run(argv, null);
    failures.check(argv, r);
    return r.out();
  }
}
