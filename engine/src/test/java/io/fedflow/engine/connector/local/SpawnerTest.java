package io.fedflow.engine.connector.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.dag.JobSpec;
import io.fedflow.engine.connector.Observation;
import io.fedflow.engine.connector.SiteJob;
import io.fedflow.engine.connector.SiteState;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spawner, the one process per engine that starts the local jobs, and what it outlives. */
class SpawnerTest {
  @TempDir Path home;

  @Test
  void anEngineKilledWithSigkillLeavesItsSpawnerToRecordTheExitCodesAndThenItExits()
      throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process engine =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                CrashingEngineMain.class.getName(),
                home.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    Path longJob;
    Path shortJob;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(engine.getInputStream(), StandardCharsets.UTF_8))) {
      longJob = Path.of(out.readLine().split(" ", 2)[1]);
      shortJob = Path.of(out.readLine().split(" ", 2)[1]);
      assertThat(out.readLine()).isEqualTo("submitted");
      engine.destroyForcibly(); // SIGKILL
      assertThat(engine.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }
    ProcessHandle spawner = spawnerOf(longJob);
    assertThat(spawner.isAlive()).isTrue();

    awaitFile(shortJob.resolve("exit-code"));
    awaitFile(longJob.resolve("exit-code"));

    assertThat(shortJob.resolve("exit-code")).hasContent("3");
    assertThat(longJob.resolve("exit-code")).hasContent("0");
    assertThat(spawner.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
  }

  @Test
  void theSiteWakesTheEngineWhenAJobEndsWithItsExitCodeWritten() throws Exception {
    try (LocalSite site = new LocalSite(home, Map.of("launcher", "spawner"))) {
      Semaphore news = new Semaphore(0);
      site.connector.onNews(news::release);

      SiteJob job = site.submit(JobSpec.builder("nap").command("sleep", "0.2").build());

      assertThat(news.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
      Observation o = site.poll(job);
      assertThat(o.state()).isEqualTo(SiteState.SUCCEEDED);
      assertThat(o.exitCode()).isZero();
    }
  }

  @Test
  void aSpawnerKilledOnItsOwnLosesTheExitCodesOfItsJobsAndIsReplaced() throws Exception {
    try (LocalSite site = new LocalSite(home, Map.of("launcher", "spawner"))) {
      SiteJob orphan = site.submit(JobSpec.builder("orphan").command("sleep", "1").build());
      site.awaitStarted(orphan);
      ProcessHandle first = spawnerOf(Path.of(orphan.nativeId()));
      first.destroyForcibly();
      first.onExit().get(10, TimeUnit.SECONDS);

      assertThat(site.poll(orphan).state()).isEqualTo(SiteState.RUNNING); // its job runs on
      Observation lost = site.awaitEnd(orphan);
      SiteJob next = site.submit(JobSpec.builder("next").command("true").build());
      Observation o = site.awaitEnd(next);

      assertThat(lost.state()).isEqualTo(SiteState.FAILED);
      assertThat(lost.reason()).isEqualTo(Outcomes.LAUNCHER_DIED);
      assertThat(o.state()).isEqualTo(SiteState.SUCCEEDED);
      assertThat(spawnerOf(Path.of(next.nativeId())).pid()).isNotEqualTo(first.pid());
    }
  }

  @Test
  void aStdoutThatCannotBeOpenedFailsTheJobAndSaysWhyInItsStderr() throws Exception {
    try (LocalSite site = new LocalSite(home, Map.of("launcher", "spawner"))) {
      Path work = Files.createDirectories(site.runDir.resolve("work"));
      Files.createDirectory(work.resolve("taken")); // a folder where the file should be

      SiteJob job = site.submit(JobSpec.builder("o").command("true").stdout("taken").build());

      Observation o = site.awaitEnd(job);
      assertThat(o.state()).isEqualTo(SiteState.FAILED);
      assertThat(o.exitCode()).isEqualTo(126);
      assertThat(LocalSite.read(job, "stderr"))
          .startsWith("fedflow: cannot write " + work.resolve("taken") + ": Is a directory");
    }
  }

  /** The spawner named in an attempt's claim. */
  private static ProcessHandle spawnerOf(Path attempt) throws Exception {
    String[] claim = Files.readString(attempt.resolve("pid")).strip().split(" ");
    assertThat(claim).as("the claim of %s", attempt).hasSize(4);
    return ProcessHandle.of(Long.parseLong(claim[2])).orElseThrow();
  }

  private static void awaitFile(Path file) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (!Files.exists(file) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(file).exists();
  }
}
