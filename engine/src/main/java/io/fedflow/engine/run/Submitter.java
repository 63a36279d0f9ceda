package io.fedflow.engine.run;

import io.fedflow.dag.JobSpec;
import io.fedflow.dag.Program;
import io.fedflow.dag.plan.JobInstance;
import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.Submission;
import io.fedflow.engine.core.EngineEvent;
import io.fedflow.engine.core.RunModel;
import io.fedflow.engine.core.SubmitOrder;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Hands the attempts a round ordered to their sites, after the round is committed, and turns each
 * answer into an event for the next round: the site's job, or its refusal.
 *
 * <p>It never calls a site beyond the free slots the site reports. The decider fills the free slots
 * with new attempts, but also submits again, whatever the room, the attempts that were being
 * submitted when the engine stopped and those whose submission was deferred: a site with no room
 * would refuse them, and each refusal would wait out a backoff. Such attempts are held here, still
 * SUBMITTING with their token as recorded, and handed over in order as room opens; meanwhile the
 * decider is told the site has that much less room. After a crash they are found SUBMITTING and
 * submitted again, like any attempt the site never received.
 */
final class Submitter {
  private static final Logger LOG = LogManager.getLogger(Submitter.class);

  private final String runId;
  private final RunFolder folder;
  private final Sites sites;

  /** The folder of the workflow file, against which a relative script file is found; or null. */
  private final Path workflowDir;

  private final Map<String, ArrayDeque<SubmitOrder>> held = new LinkedHashMap<>();

  private final Capacities capacities;
  private final Path work;

  Submitter(String runId, RunFolder folder, Path workflowDir, Sites sites, Capacities capacities) {
    this.runId = runId;
    this.folder = folder;
    this.workflowDir = workflowDir;
    this.sites = sites;
    this.capacities = capacities;
    this.work = folder.work();
  }

  /** Takes a round's orders, to hand over by {@link #handOver}. */
  void add(List<SubmitOrder> orders) {
    for (SubmitOrder o : orders) {
      held.computeIfAbsent(o.site(), s -> new ArrayDeque<>()).add(o);
    }
  }

  /** The free slots less what is held for each site: what the decider may fill. */
  Map<String, Integer> roomLeft(Map<String, Integer> freeSlots) {
    if (!isHolding()) {
      return freeSlots;
    }
    Map<String, Integer> left = new HashMap<>(freeSlots);
    held.forEach(
        (site, orders) -> left.computeIfPresent(site, (s, n) -> Math.max(0, n - orders.size())));
    return left;
  }

  boolean isHolding() {
    for (ArrayDeque<SubmitOrder> q : held.values()) {
      if (!q.isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Submits what is held, in order, as far as each site's free slots go (a site whose room is not
   * known takes none); an order whose attempt is no longer being submitted is dropped.
   */
  void handOver(RunModel model, List<EngineEvent> events) {
    held.forEach(
        (name, orders) -> {
          orders.removeIf(o -> !isCurrent(o, model));
          while (!orders.isEmpty() && capacities.take(name)) {
            submit(sites.get(name), orders.poll(), events);
          }
        });
  }

  /**
   * Answers the held orders with a transient refusal, so that the decider cancels them: the run is
   * being cancelled. The final job's are kept: it runs whatever happens.
   */
  void dropForCancel(RunModel model, List<EngineEvent> events) {
    held.values()
        .forEach(
            orders ->
                orders.removeIf(
                    o -> {
                      if (!isCurrent(o, model)) {
                        return true;
                      }
                      if (o.job().isFinal()) {
                        return false;
                      }
                      events.add(
                          new EngineEvent.SubmitRejected(
                              o.token(), "not submitted: the run is being cancelled", true));
                      return true;
                    }));
  }

  private static boolean isCurrent(SubmitOrder o, RunModel model) {
    Optional<JobRow> row = model.rowOfToken(o.token());
    return row.isPresent() && row.get().state() == JobState.SUBMITTING;
  }

  private void submit(Site site, SubmitOrder order, List<EngineEvent> events) {
    try {
      String instanceId = order.row().instanceId();
      Submission s =
          new Submission(
              order.token(),
              runId,
              instanceId,
              order.attempt(),
              () -> withScriptFound(order.instance()),
              () -> folder.attempt(instanceId, order.attempt()),
              work);
      events.add(new EngineEvent.Submitted(site.submit(s)));
    } catch (ConnectorException e) {
      LOG.log(
          e.isTransient() ? Level.INFO : Level.WARN,
          "{} ({}) not taken by {}: {}",
          order.row().instanceId(),
          order.token(),
          order.site(),
          e.getMessage());
      events.add(new EngineEvent.SubmitRejected(order.token(), e.getMessage(), e.isTransient()));
    } catch (RuntimeException e) {
      // A bug in a connector or a template fails this job, not the whole run.
      LOG.error("submitting {} ({}) failed", order.row().instanceId(), order.token(), e);
      events.add(new EngineEvent.SubmitRejected(order.token(), String.valueOf(e), false));
    }
  }

  /** The instance with a relative script file made absolute against the workflow's folder. */
  private JobInstance withScriptFound(JobInstance instance) {
    JobSpec spec = instance.spec();
    if (workflowDir == null || !(spec.program() instanceof Program.ScriptFile f)) {
      return instance;
    }
    Path path = Path.of(f.path());
    if (path.isAbsolute()) {
      return instance;
    }
    Program found = new Program.ScriptFile(workflowDir.resolve(path).toString(), f.args());
    return new JobInstance(
        instance.id(),
        instance.job(),
        instance.index(),
        instance.item(),
        spec.toBuilder().program(found).build());
  }
}
