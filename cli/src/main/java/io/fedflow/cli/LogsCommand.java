package io.fedflow.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.fedflow.engine.Engine;
import io.fedflow.engine.EngineException;
import io.fedflow.engine.JobRow;
import io.fedflow.engine.connector.AttemptOutput;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.store.Attempt;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fedflow logs RUN JOB}: the output of one attempt of one job instance. */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = {
      "Print the output of a job.",
      "The standard output (or error, with --stderr) of the job instance's latest attempt, or of"
          + " the attempt given. The files are in the run's folder, under"
          + " attempts/INSTANCE/ATTEMPT/; for a job that ran on a batch cluster, they are fetched"
          + " from the cluster, or named where they lie when the site cannot fetch them."
    })
final class LogsCommand implements Callable<Integer>, Exit.Documented {
  @Parameters(index = "0", paramLabel = "RUN", description = HomeOption.RUN_DESCRIPTION)
  String runId;

  @Parameters(
      index = "1",
      paramLabel = "JOB",
      description =
          "The job instance, as 'fedflow status' shows it: 'train', 'simulate[007]' (quote it for"
              + " the shell).")
  String instanceId;

  @Option(
      names = "--attempt",
      paramLabel = "N",
      description = "The attempt, from 1 (default: the latest).")
  Integer attempt;

  @Option(names = "--stderr", description = "The standard error instead of the output.")
  boolean stderr;

  @Mixin HomeOption home;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    AttemptOutput.Stream which = stderr ? AttemptOutput.Stream.STDERR : AttemptOutput.Stream.STDOUT;
    String stream = which.fileName();
    Path file;
    try (Engine engine = home.open()) {
      runId = home.run(engine, runId).id();
      JobRow job = instance(engine.jobs(runId));
      int n = attemptOf(job);
      file = engine.attempts().logFile(runId, instanceId, n, stream);
      if (!Files.exists(file)) {
        Integer fromSite = fromSite(engine, n, which);
        if (fromSite != null) {
          return fromSite;
        }
      }
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      spec.commandLine()
          .getErr()
          .println(
              "fedflow: "
                  + file
                  + ": cannot read the "
                  + stream
                  + " of "
                  + instanceId
                  + (Files.exists(file) ? "" : ": no such file (does the job redirect it?)"));
      return Exit.UNREADABLE;
    }
    try {
      return copy(Files.newInputStream(file), file.toString());
    } catch (IOException e) {
      return cannotRead(file.toString(), e);
    }
  }

  /**
   * The stream as the attempt's site gives it, when the file is not here (a batch cluster keeps
   * it): the exit code, or null when the site has nothing to say and the local file is reported.
   */
  private Integer fromSite(Engine engine, int n, AttemptOutput.Stream which) {
    String site =
        engine.attempts().of(runId, instanceId).stream()
            .filter(a -> a.attempt() == n)
            .map(Attempt::site)
            .findFirst()
            .orElse(null);
    String what = which.fileName() + " of " + instanceId + " attempt " + n;
    Optional<AttemptOutput> out;
    try {
      out = engine.attempts().siteOutput(runId, instanceId, n, which);
    } catch (ConnectorException e) {
      spec.commandLine()
          .getErr()
          .println("fedflow: cannot ask site " + site + " for the " + what + ": " + e.getMessage());
      return Exit.UNREADABLE;
    }
    if (out.isEmpty()) {
      return null;
    }
    if (out.get() instanceof AttemptOutput.Content c) {
      return copy(c.bytes(), c.location());
    }
    AttemptOutput.Elsewhere e = (AttemptOutput.Elsewhere) out.get();
    spec.commandLine()
        .getErr()
        .println(
            "fedflow: the "
                + what
                + " is on site "
                + site
                + " at "
                + e.location()
                + "; "
                + e.why());
    return Exit.UNREADABLE;
  }

  /** Copies a stream to the output, closing it. */
  private int copy(InputStream bytes, String from) {
    PrintWriter out = spec.commandLine().getOut();
    // Decoding replaces what is not UTF-8, so that a job's binary output cannot stop the copy.
    try (Reader in = new InputStreamReader(bytes, UTF_8)) {
      in.transferTo(out);
    } catch (IOException e) {
      return cannotRead(from, e);
    }
    out.flush();
    return Exit.OK;
  }

  private int cannotRead(String from, IOException e) {
    spec.commandLine().getErr().println("fedflow: " + from + ": cannot read: " + e.getMessage());
    return Exit.UNREADABLE;
  }

  private JobRow instance(List<JobRow> jobs) {
    Optional<JobRow> found =
        jobs.stream().filter(j -> j.instanceId().equals(instanceId)).findFirst();
    if (found.isPresent()) {
      return found.get();
    }
    List<JobRow> fanOut = jobs.stream().filter(j -> j.job().equals(instanceId)).toList();
    if (!fanOut.isEmpty()) {
      throw new EngineException(
          "job '"
              + instanceId
              + "' of run "
              + runId
              + " has "
              + PlanWords.count(fanOut.size(), "instance")
              + ": name one, such as '"
              + fanOut.get(0).instanceId()
              + "' (see 'fedflow status "
              + runId
              + " --all')");
    }
    throw new EngineException(
        "run " + runId + " has no job '" + instanceId + "' (see 'fedflow status " + runId + "')");
  }

  private int attemptOf(JobRow job) {
    if (job.attempt() == 0) {
      throw new EngineException(
          instanceId
              + " of run "
              + runId
              + " has not started yet ("
              + RunWords.state(job.state())
              + "): no output");
    }
    if (attempt == null) {
      return job.attempt();
    }
    if (attempt < 1 || attempt > job.attempt()) {
      throw new EngineException(
          instanceId
              + " of run "
              + runId
              + " has "
              + (job.attempt() == 1 ? "1 attempt" : "attempts 1 to " + job.attempt())
              + ": no attempt "
              + attempt);
    }
    return attempt;
  }

  @Override
  public int[] exitCodes() {
    return Exit.LOGS_COMMAND;
  }
}
