package io.fedflow.benchmarks;

import io.fedflow.dag.plan.JobInstance;
import io.fedflow.dag.plan.Plan;
import io.fedflow.dag.plan.PlannedJob;
import io.fedflow.dag.yaml.WorkflowYamlReader;
import io.fedflow.engine.connector.Connector;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.ConnectorProvider;
import io.fedflow.engine.connector.Observation;
import io.fedflow.engine.connector.SiteConfig;
import io.fedflow.engine.connector.SiteJob;
import io.fedflow.engine.connector.SiteState;
import io.fedflow.engine.connector.Submission;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A fan-out workflow run on a local site of 2 cpus by a bare loop over the connector (submit while
 * it has room, poll the running jobs in one batch, wait for the site's news of an ended job), with
 * no engine and no store: what the local connector alone costs, to split fedflow's time between the
 * connector and the rest. The planned jobs run one after the other, which is exact for a fan-out
 * into a merge and nothing else.
 *
 * <p>{@code BareLocalRun HOME FILE} prints {@code RESULT SUCCEEDED|FAILED SUCCEEDED NANOS
 * JVM-CPU-NANOS}.
 */
public final class BareLocalRun {
  private BareLocalRun() {}

  public static void main(String[] args) throws Exception {
    Path home = Path.of(args[0]);
    Plan plan = Plan.of(WorkflowYamlReader.read(Path.of(args[1])));
    SiteConfig site = new SiteConfig("local", "local", Map.of("cpus", "2", "home", args[0]));
    ConnectorProvider provider =
        ServiceLoader.load(ConnectorProvider.class).stream()
            .map(ServiceLoader.Provider::get)
            .filter(p -> p.type().equals("local"))
            .findFirst()
            .orElseThrow();
    long t0 = System.nanoTime();
    long succeeded = 0;
    long tokens = 0;
    try (Connector connector = provider.open(site)) {
      Semaphore news = new Semaphore(0);
      connector.onNews(news::release);
      for (PlannedJob job : plan.jobs()) {
        List<SiteJob> running = new ArrayList<>();
        Iterator<JobInstance> todo = job.instances().iterator();
        while (todo.hasNext() || !running.isEmpty()) {
          while (todo.hasNext() && connector.capacity().freeSlots() > 0) {
            JobInstance instance = todo.next();
            String token = "bare." + ++tokens;
            Path attempt = home.resolve("attempts").resolve(instance.id()).resolve("1");
            Files.createDirectories(attempt);
            Submission s =
                new Submission(token, "bare", instance, 1, attempt, home.resolve("work"));
            running.add(submit(connector, s));
          }
          int before = running.size();
          for (Map.Entry<SiteJob, Observation> e : connector.poll(running).entrySet()) {
            SiteState state = e.getValue().state();
            if (state != SiteState.RUNNING && state != SiteState.QUEUED) {
              running.remove(e.getKey());
              succeeded += state == SiteState.SUCCEEDED ? 1 : 0;
            }
          }
          if (running.size() == before) {
            news.tryAcquire(10, TimeUnit.MILLISECONDS); // a site without news is polled
            news.drainPermits();
          }
        }
      }
    }
    long wall = System.nanoTime() - t0;
    String end = succeeded == plan.instanceCount() ? "SUCCEEDED" : "FAILED";
    System.out.println("RESULT " + end + " " + succeeded + " " + wall + " " + CpuTime.process());
  }

  /** Submits, trying again while the site says it is full for now (a transient refusal). */
  private static SiteJob submit(Connector connector, Submission s)
      throws ConnectorException, InterruptedException {
    while (true) {
      try {
        return connector.submit(s);
      } catch (ConnectorException e) {
        if (!e.isTransient()) {
          throw e;
        }
        Thread.sleep(1);
      }
    }
  }
}
