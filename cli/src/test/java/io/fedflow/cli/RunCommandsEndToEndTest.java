package io.fedflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run commands end to end, in this process, on the embedded engine with its local site: real
 * jobs, a real database under a fresh home. Skipped while the engine is a stub.
 */
@Timeout(120)
class RunCommandsEndToEndTest {
  private static final Pattern STARTED =
      Pattern.compile("^run (\\d{8}-\\d{6}-[0-9a-f]{4}) \\((\\S+)\\) in (.+)$", Pattern.MULTILINE);

  @TempDir Path home;

  @BeforeEach
  void engineHasLanded() {
    EngineLanded.assumeIn(home);
  }

  private Cli fedflow(String command, String... args) {
    String[] all = new String[args.length + 3];
    all[0] = command;
    all[1] = "--home";
    all[2] = home.toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return Cli.run(all);
  }

  /** The id of the run whose first line {@code out} starts with. */
  private String runId(Cli r) {
    Matcher m = STARTED.matcher(r.out());
    assertThat(m.find()).as("the line naming the run in:%n%s", r.out()).isTrue();
    assertThat(m.group(3)).isEqualTo(home.resolve("runs").resolve(m.group(1)).toString());
    return m.group(1);
  }

  @Test
  void runRunsTheDiamondToSuccessAndSaysWhereItsLogsAre() {
    Cli r = fedflow("run", "--plain", Cli.example("diamond.yaml"));

    assertThat(r.exitCode()).as(r.err()).isZero();
    String id = runId(r);
    assertThat(r.out())
        .containsPattern(
            "\nrun " + id + " \\(diamond\\) succeeded after 0:00:\\d\\d: 4 succeeded\n")
        .endsWith("\nlogs: " + home.resolve("runs").resolve(id).resolve("fedflow.log") + "\n");
    assertThat(r.err()).isEmpty();
    assertThat(home.resolve("runs").resolve(id).resolve("fedflow.log")).isRegularFile();

    Cli logs = fedflow("logs", id, "join");
    assertThat(logs.exitCode()).isZero();
    assertThat(logs.out()).isEqualTo("FEDERATED federated\nWORKFLOWS workflows\n");

    Cli runs = fedflow("runs");
    assertThat(runs.exitCode()).isZero();
    assertThat(runs.out()).containsPattern("\n" + id + "  diamond +succeeded .* 4/4\n");

    Cli status = fedflow("status", id);
    assertThat(status.exitCode()).isZero();
    assertThat(status.out())
        .startsWith("run " + id + " (diamond) succeeded after ")
        .containsPattern("\nsplit +succeeded +local +1 .* 0\n")
        .containsPattern("\njoin +succeeded +local +1 .* 0\n");
  }

  @Test
  void aFailedJobFailsTheRunWithItsExitCodeAndErrorOutput() {
    Cli r = fedflow("run", "--plain", Cli.WORKFLOWS + "failing.yaml");

    assertThat(r.exitCode()).isEqualTo(5);
    String id = runId(r);
    Path stderr = home.resolve("runs").resolve(id).resolve("attempts/broken/1/stderr");
    assertThat(r.out())
        .containsPattern(
            "\nrun "
                + id
                + " \\(failing\\) failed after 0:00:\\d\\d: 2 succeeded, 1 failed, 1 skipped\n")
        .contains("\nfailed: broken, exit code 3, its error output in " + stderr + "\n")
        .contains("\nsee a job's output with: fedflow logs " + id + " JOB [--stderr]\n");

    Cli logs = fedflow("logs", id, "broken", "--stderr");
    assertThat(logs.exitCode()).isZero();
    assertThat(logs.out()).isEqualTo("no input file\n");

    Cli status = fedflow("status", id);
    assertThat(status.out())
        .containsPattern("\nbroken +failed +local +1 .* 3\n")
        // a skipped job never started, but it ended when the engine skipped it
        .containsPattern("\nafter +skipped +- +0 +- +\\d\\d:\\d\\d:\\d\\d +-\n")
        .containsPattern("\nreport +succeeded ");

    Cli notStarted = fedflow("logs", id, "after");
    assertThat(notStarted.exitCode()).isEqualTo(7);
    assertThat(notStarted.err())
        .isEqualTo("fedflow: after of run " + id + " has not started yet (skipped): no output\n");
  }

  @Test
  void theMlPipelineExampleRunsToSuccess() {
    String before = runId(fedflow("run", "--quiet", Cli.example("diamond.yaml")));
    Cli r = fedflow("run", "--plain", Cli.example("ml-pipeline.yaml"));

    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    String id = runId(r);
    assertThat(id).isNotEqualTo(before);
    assertThat(r.out()).contains("\nrun " + id + " (ml-pipeline) succeeded after ");
    assertThat(fedflow("logs", id, "evaluate").out()).startsWith("test accuracy ");
    // The README's first command ends with this: 'last' names the newest run.
    Cli summary = fedflow("logs", "last", "summary");
    assertThat(summary.exitCode()).isZero();
    assertThat(summary.out())
        .startsWith("workflow ml-pipeline, seed 42, epochs 300\nsweep scores: 9 of 9\n")
        .contains("\nwork/metrics.txt: ")
        .doesNotContain("missing");
    assertThat(fedflow("status", "last").out())
        .startsWith("run " + id + " (ml-pipeline) succeeded");
  }

  @Test
  void cancellingAFinishedRunChangesNothing() {
    String id = runId(fedflow("run", "--quiet", Cli.example("diamond.yaml")));

    Cli r = fedflow("cancel", id);

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .isEqualTo("Run " + id + " has already ended (succeeded): nothing to cancel.\n");
    assertThat(fedflow("status", id).out()).startsWith("run " + id + " (diamond) succeeded");
  }

  @Test
  void resumingAFinishedRunShowsItsSummary() {
    String id = runId(fedflow("run", "--quiet", Cli.WORKFLOWS + "failing.yaml"));

    Cli r = fedflow("resume", id, "--quiet");

    assertThat(r.exitCode()).isEqualTo(5);
    assertThat(r.out()).contains("\nrun " + id + " (failing) failed after ");
  }

  @Test
  void anUnknownRunIsOneLineAndExitCodeSeven() {
    String expected = "fedflow: no run 'nope' in " + home + " (see 'fedflow runs')\n";
    for (String[] args :
        new String[][] {
          {"status", "nope"}, {"logs", "nope", "a"}, {"cancel", "nope"}, {"resume", "nope"}
        }) {
      Cli r = fedflow(args[0], java.util.Arrays.copyOfRange(args, 1, args.length));

      assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(7);
      assertThat(r.err()).isEqualTo(expected);
      assertThat(r.out()).isEmpty();
    }
  }

  @Test
  void logsNamesWhatIsMissing() {
    String id = runId(fedflow("run", "--quiet", Cli.WORKFLOWS + "diamond.yaml"));

    assertThat(fedflow("logs", id, "merge").err())
        .isEqualTo(
            "fedflow: run " + id + " has no job 'merge' (see 'fedflow status " + id + "')\n");
    assertThat(fedflow("logs", id, "simulate").err())
        .isEqualTo(
            "fedflow: job 'simulate' of run "
                + id
                + " has 3 instances: name one, such as 'simulate[a]' (see 'fedflow status "
                + id
                + " --all')\n");
    assertThat(fedflow("logs", id, "simulate[b]").out()).isEqualTo("simulate b\n");
    assertThat(fedflow("logs", id, "prepare", "--attempt", "2").err())
        .isEqualTo("fedflow: prepare of run " + id + " has 1 attempt: no attempt 2\n");
  }

  @Test
  void noRunsYet() {
    Cli r = fedflow("runs");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).isEqualTo("No runs in " + home + " yet: 'fedflow run FILE' starts one.\n");
    Cli last = fedflow("status", "last");
    assertThat(last.exitCode()).isEqualTo(7);
    assertThat(last.err()).isEqualTo("fedflow: no runs in " + home + " yet (see 'fedflow run')\n");
  }

  @Test
  void submitLeavesAProcessThatRunsTheRunAndCancelReachesIt() throws Exception {
    Cli submitted = fedflow("submit", Cli.WORKFLOWS + "sleepy.yaml");

    assertThat(submitted.exitCode()).as(submitted.err()).isZero();
    String id = submitted.out().strip();
    assertThat(id).matches("\\d{8}-\\d{6}-[0-9a-f]{4}");
    Path output = home.resolve("runs").resolve(id).resolve(Background.OUTPUT);
    assertThat(submitted.err())
        .isEqualTo(
            "fedflow: run "
                + id
                + " (sleepy) goes on in the background, its output in "
                + output
                + "\n");

    awaitLine(output, "run " + id + " (sleepy) in ");
    Cli cancel = fedflow("cancel", id);
    assertThat(cancel.exitCode()).as(cancel.err()).isZero();
    assertThat(cancel.out())
        .isEqualTo("Cancelling run " + id + ": the process following it cancels its jobs.\n");

    awaitLine(output, "run " + id + " (sleepy) cancelled after ");
    assertThat(fedflow("status", id).out()).containsPattern("\nnap +cancelled ");
  }

  @Test
  void submitRunsTheDiamondInTheBackground() throws Exception {
    Cli submitted = fedflow("submit", Cli.example("diamond.yaml"));
    String id = submitted.out().strip();

    awaitLine(
        home.resolve("runs").resolve(id).resolve(Background.OUTPUT),
        "run " + id + " (diamond) succeeded after ");
    assertThat(fedflow("logs", id, "join").out())
        .isEqualTo("FEDERATED federated\nWORKFLOWS workflows\n");
  }

  /** Waits for the background process to write a line starting so. */
  private static void awaitLine(Path file, String start) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      if (Files.exists(file) && Files.readString(file).lines().anyMatch(l -> l.startsWith(start))) {
        return;
      }
      Thread.sleep(100);
    }
    throw new AssertionError(
        "no line starting '"
            + start
            + "' in "
            + file
            + ":\n"
            + (Files.exists(file) ? Files.readString(file) : "(no file)"));
  }
}
