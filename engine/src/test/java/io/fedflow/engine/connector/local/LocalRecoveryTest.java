package io.fedflow.engine.connector.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.dag.JobSpec;
import io.fedflow.engine.connector.Observation;
import io.fedflow.engine.connector.SiteJob;
import io.fedflow.engine.connector.SiteState;
import io.fedflow.engine.connector.Submission;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a new engine process learns of jobs that an engine killed with SIGKILL had started. */
class LocalRecoveryTest {
  @TempDir Path home;

  @Test
  void jobsOutliveAnEngineKilledWithItsProcessGroupAndAreFoundByToken() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    // setsid: the engine leads a process group of its own, which the test then kills whole.
    Process engine =
        new ProcessBuilder(
                "setsid",
                java,
                "-cp",
                System.getProperty("java.class.path"),
                CrashingEngineMain.class.getName(),
                home.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(engine.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); !"submitted".equals(line); line = out.readLine()) {
        assertThat(line).as("the engine's output").isNotNull();
        lines.add(line);
      }
      new ProcessBuilder("/bin/kill", "-s", "KILL", "--", "-" + engine.pid()).start().waitFor();
      assertThat(engine.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
    String longToken = lines.get(0).split(" ")[0];
    String shortToken = lines.get(1).split(" ")[0];
    Path shortExit = Path.of(lines.get(1).split(" ", 2)[1], "exit-code");
    Thread.sleep(1000); // the short job ends while no engine runs, and its spawner records it
    assertThat(shortExit).hasContent("3");

    try (LocalSite site = new LocalSite(home)) {
      Map<String, SiteJob> found =
          site.connector.find(List.of(longToken, shortToken, "r1.99", "../x"));

      assertThat(found).containsOnlyKeys(longToken, shortToken);
      SiteJob longJob = found.get(longToken);
      SiteJob shortJob = found.get(shortToken);
      assertThat(longJob.nativeId()).isEqualTo(lines.get(0).split(" ", 2)[1]);
      assertThat(site.poll(longJob).state()).isEqualTo(SiteState.RUNNING);
      assertThat(site.connector.capacity().freeSlots())
          .isEqualTo(Runtime.getRuntime().availableProcessors() - 1);
      Observation ended = site.poll(shortJob);
      assertThat(ended.state()).isEqualTo(SiteState.FAILED);
      assertThat(ended.exitCode()).isEqualTo(3);

      Observation later = site.awaitEnd(longJob);
      assertThat(later.state()).isEqualTo(SiteState.SUCCEEDED);
      assertThat(later.exitCode()).isZero();
      assertThat(later.started()).isBefore(later.ended());
    }
  }

  @Test
  void anEngineThatFindsARunningJobHoldsItsCpusAndEnforcesItsWalltime() throws Exception {
    SiteJob job;
    try (LocalSite first = new LocalSite(home, Map.of("cpus", "4"))) {
      job =
          first.submit(
              JobSpec.builder("w").command("sleep", "30").cpus(3).walltime("1500ms").build());
      first.awaitStarted(job);
    } // the first engine stops watching

    try (LocalSite second = new LocalSite(home, Map.of("cpus", "4"))) {
      assertThat(second.poll(job).state()).isEqualTo(SiteState.RUNNING);
      assertThat(second.connector.capacity().freeSlots()).isEqualTo(1);

      Observation o = second.awaitEnd(job);
      assertThat(o.state()).isEqualTo(SiteState.FAILED);
      assertThat(o.reason()).isEqualTo("walltime 1s500ms exceeded");
      assertThat(second.connector.capacity().freeSlots()).isEqualTo(4);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"spawner", "sh"})
  void aSubmissionCutShortBeforeItsJobStartedIsNotFoundAndRunsOnceWhenSubmittedAgain(String how)
      throws Exception {
    try (LocalSite site = new LocalSite(home)) {
      Path ledger = site.runDir.resolve("ledger");
      Submission s =
          site.submission(
              JobSpec.builder("j")
                  .command("sh", "-c", "echo ran >> \"$1\"", "sh", ledger + "")
                  .build());
      // What a crash between recording the token and starting the job leaves behind.
      Path attempt = Files.createDirectories(s.attemptDir());
      Files.createSymbolicLink(home.resolve("local/tokens").resolve(s.token()), attempt);

      assertThat(site.connector.find(List.of(s.token()))).isEmpty();
      // A start the crashed engine had asked for after all, arriving late, does nothing.
      lateStart(how, site, attempt, "sh", "-c", "echo late >> \"$1\"", "sh", ledger + "");
      assertThat(ledger).doesNotExist();

      SiteJob job = site.connector.submit(s);
      assertThat(site.awaitEnd(job).state()).isEqualTo(SiteState.SUCCEEDED);
      assertThat(site.connector.find(List.of(s.token()))).containsEntry(s.token(), job);
      assertThat(ledger).hasContent("ran");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"spawner", "sh"})
  void aStartFindingTheAttemptCancelledDoesNotRunIt(String how) throws Exception {
    try (LocalSite site = new LocalSite(home)) {
      Path attempt = Files.createDirectories(site.runDir.resolve("attempts/c/1"));
      Files.writeString(attempt.resolve("cancelled"), "cancelled\n");
      Path ran = site.runDir.resolve("ran");

      lateStart(how, site, attempt, "touch", ran.toString());

      assertThat(ran).doesNotExist();
      Observation o = site.poll(new SiteJob("local", attempt.toString(), "r1.1"));
      assertThat(o.state()).isEqualTo(SiteState.CANCELLED);
      assertThat(o.exitCode()).isNull();
    }
  }

  @Test
  void aPidNowUsedByAnotherProcessIsNotTakenForTheLauncher() throws Exception {
    try (LocalSite site = new LocalSite(home)) {
      Path attempt = Files.createDirectories(site.runDir.resolve("attempts/p/1"));
      // This JVM's pid is alive, but it did not start at tick 1.
      Files.writeString(attempt.resolve("pid"), ProcessHandle.current().pid() + " 1\n");

      Observation o = site.poll(new SiteJob("local", attempt.toString(), "r1.1"));

      assertThat(o.state()).isEqualTo(SiteState.FAILED);
      assertThat(o.reason()).isEqualTo("the launcher died without writing an exit code");
    }
  }

  /** Starts a job for an attempt by hand, as a start asked for before a crash would. */
  private static void lateStart(String how, LocalSite site, Path attempt, String... argv)
      throws Exception {
    Path stateDir = site.home.resolve("local");
    Path out = attempt.resolve("late.out");
    try (Starter starter =
        how.equals("sh") ? Launcher.install(stateDir) : Spawner.open(stateDir, "perl")) {
      Started started =
          starter.start(
              new ProcessPlan(
                  new AttemptFolder(attempt), List.of(argv), attempt, Map.of(), null, out, out));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (started.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(started.isAlive()).as("the late start is over").isFalse();
    }
  }
}
