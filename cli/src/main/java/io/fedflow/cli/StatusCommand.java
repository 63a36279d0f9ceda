package io.fedflow.cli;

import io.fedflow.engine.Engine;
import io.fedflow.engine.JobRow;
import io.fedflow.engine.RunRecord;
import io.fedflow.engine.RunUsage;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fedflow status RUN}: the state of a run and of each of its job instances. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
      "Show a run's state and its jobs.",
      "The run in one line, then one row per job instance: its state, site, attempts, when it"
          + " started and ended, its exit code, and the energy and billing its site told, if"
          + " any. A job of more than "
          + StatusTable.SUMMARISED_ABOVE
          + " instances is one row with the count in each state, unless --all."
    })
final class StatusCommand implements Callable<Integer>, Exit.Documented {
  @Parameters(paramLabel = "RUN", description = HomeOption.RUN_DESCRIPTION)
  String runId;

  @Option(names = "--all", description = "One row for every instance, however many.")
  boolean all;

  @Mixin HomeOption home;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Instant now = Instant.now();
    try (Engine engine = home.open()) {
      RunRecord run = home.run(engine, runId);
      runId = run.id();
      List<JobRow> jobs = engine.jobs(runId);
      out.println(RunWords.headline(run, RunWords.countsOf(jobs), now));
      out.println();
      StatusTable.print(jobs, all, now, ZoneId.systemDefault(), out);
      RunUsage usage = engine.attempts().usage(runId);
      if (!usage.isEmpty()) {
        out.println(UsageWords.total(usage));
      }
    }
    return Exit.OK;
  }

  @Override
  public int[] exitCodes() {
    return Exit.LOOKUP_COMMANDS;
  }
}
