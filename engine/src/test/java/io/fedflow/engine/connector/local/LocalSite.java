package io.fedflow.engine.connector.local;

import static org.assertj.core.api.Assertions.fail;

import io.fedflow.dag.JobSpec;
import io.fedflow.dag.plan.JobInstance;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.Observation;
import io.fedflow.engine.connector.SiteConfig;
import io.fedflow.engine.connector.SiteJob;
import io.fedflow.engine.connector.SiteState;
import io.fedflow.engine.connector.Submission;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A local site under a temporary home, with the run folders the engine would make. */
final class LocalSite implements AutoCloseable {
  private static final Set<SiteState> ENDED =
      Set.of(SiteState.SUCCEEDED, SiteState.FAILED, SiteState.CANCELLED);

  final Path home;
  final Path runDir;
  final LocalConnector connector;
  private int attempts;

  LocalSite(Path home, Map<String, String> settings) throws ConnectorException {
    this.home = home;
    this.runDir = home.resolve("runs/r1");
    Map<String, String> all = new HashMap<>(settings);
    all.put("home", home.toString());
    this.connector = LocalConnector.open(new SiteConfig("local", "local", all));
  }

  LocalSite(Path home) throws ConnectorException {
    this(home, Map.of());
  }

  /** The next attempt of a job, with a token of its own. */
  Submission submission(JobSpec spec) {
    int n = ++attempts;
    JobInstance instance = new JobInstance(spec.id(), spec.id(), 0, Map.of(), spec);
    Path attemptDir = runDir.resolve("attempts").resolve(spec.id()).resolve(Integer.toString(n));
    return new Submission("r1." + n, "r1", instance, n, attemptDir, runDir.resolve("work"));
  }

  SiteJob submit(JobSpec spec) throws ConnectorException {
    return connector.submit(submission(spec));
  }

  Observation poll(SiteJob job) throws ConnectorException {
    return connector.poll(List.of(job)).get(job);
  }

  Observation awaitEnd(SiteJob job) throws Exception {
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (System.nanoTime() < deadline) {
      Observation o = poll(job);
      if (ENDED.contains(o.state())) {
        return o;
      }
      Thread.sleep(20);
    }
    return fail("no end within 15s: %s", poll(job));
  }

  /** Waits until the job's launcher has claimed the attempt, so that it surely runs. */
  void awaitStarted(SiteJob job) throws Exception {
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (!(new AttemptFolder(Path.of(job.nativeId())).claim()
        instanceof AttemptFolder.Launched)) {
      if (System.nanoTime() > deadline) {
        fail("not started within 15s: %s", poll(job));
      }
      Thread.sleep(10);
    }
  }

  static String read(SiteJob job, String file) throws IOException {
    return Files.readString(Path.of(job.nativeId(), file));
  }

  @Override
  public void close() {
    connector.close();
  }
}
