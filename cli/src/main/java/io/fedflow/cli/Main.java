package io.fedflow.cli;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The {@code fedflow} command: checks, shows, draws and runs workflows, and follows runs. */
@Command(
    name = "fedflow",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "Checks, shows, draws and runs batch workflows written in the fedflow YAML format.",
      "Runs are recorded in a database under --home (default ~/.fedflow, or $FEDFLOW_HOME), so"
          + " that a run interrupted at any point goes on with 'fedflow resume RUN'."
    },
    commandListHeading = "%nCommands:%n",
    footerHeading = "%nExamples:%n",
    footer = {
      "  fedflow validate examples/*.yaml",
      "  fedflow show examples/simulation.yaml --param shards=10",
      "  fedflow graph examples/ml-pipeline.yaml | dot -Tsvg > ml-pipeline.svg",
      "  fedflow run examples/ml-pipeline.yaml",
      "  fedflow sites site-configs/leonardo-booster.yaml",
      "  fedflow run examples/diamond.yaml --sites my-cluster.yaml",
      "  fedflow status RUN",
      "  fedflow logs RUN 'sweep[lr=0.5,degree=1]'"
    },
    subcommands = {
      ValidateCommand.class,
      ShowCommand.class,
      GraphCommand.class,
      RunCommand.class,
      SubmitCommand.class,
      RunsCommand.class,
      StatusCommand.class,
      LogsCommand.class,
      CancelCommand.class,
      ResumeCommand.class,
      SitesCommand.class,
      HelpCommand.class
    })
public final class Main implements Callable<Integer> {

  @Option(
      names = "--debug",
      scope = ScopeType.INHERIT,
      description = "On an internal error, print its stack trace too.")
  boolean debug;

  @Spec CommandSpec spec;

  public static void main(String[] args) {
    CommandLine cl = commandLine();
    // UTF-8 whatever the locale: the output uses a few symbols (… × ←) that ASCII lacks.
    // Standard output is buffered, as show --all may print millions of lines (the commands flush
    // it before writing to stderr), and goes to the file descriptor itself, since System.out
    // would hide a closed pipe from checkError().
    PrintWriter out =
        new PrintWriter(
            new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), UTF_8), false);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, UTF_8), true);
    int code = cl.setOut(out).setErr(err).execute(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * The command line with fedflow's error handling: usage errors and internal errors print one
   * message and return their exit code, never a stack trace (unless {@code --debug}).
   */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(new UsageErrorHandler());
    cl.setExecutionExceptionHandler(new EngineErrorHandler());
    documentExitCodes(cl);
    return cl;
  }

  private static void documentExitCodes(CommandLine cl) {
    int[] codes = cl.getCommand() instanceof Exit.Documented d ? d.exitCodes() : Exit.ALL;
    cl.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n");
    cl.getCommandSpec().usageMessage().exitCodeList(Exit.descriptions(codes));
    cl.getSubcommands().values().forEach(Main::documentExitCodes);
  }

  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(),
        "Missing a command: validate, show, graph, run, submit, runs, status, logs, cancel,"
            + " resume, sites or help");
  }
}
