package io.fedflow.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.fedflow.engine.Engine;
import io.fedflow.engine.EngineException;
import io.fedflow.engine.JobRow;
import java.io.IOException;
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
          + " attempts/INSTANCE/ATTEMPT/."
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
    String stream = stderr ? "stderr" : "stdout";
    Path file;
    try (Engine engine = home.open()) {
      runId = home.run(engine, runId).id();
      JobRow job = instance(engine.jobs(runId));
      file = engine.logFile(runId, instanceId, attemptOf(job), stream);
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
    PrintWriter out = spec.commandLine().getOut();
    // Decoding replaces what is not UTF-8, so that a job's binary output cannot stop the copy.
    try (Reader in = new InputStreamReader(Files.newInputStream(file), UTF_8)) {
      in.transferTo(out);
    } catch (IOException e) {
      spec.commandLine().getErr().println("fedflow: " + file + ": cannot read: " + e.getMessage());
      return Exit.UNREADABLE;
    }
    out.flush();
    return Exit.OK;
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
