package io.fedflow.engine.run;

import io.fedflow.dag.JobSpec;
import io.fedflow.dag.Program;
import io.fedflow.dag.plan.JobInstance;
import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.Submission;
import io.fedflow.engine.connector.SubmitAnswer;
import io.fedflow.engine.core.EngineEvent;
import io.fedflow.engine.core.RunModel;
import io.fedflow.engine.core.SubmitOrder;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
   * known takes none), all the orders for one site in one {@link Site#submitAll} call so that a
   * batch scheduler may make them one job array; an order whose attempt is no longer being
   * submitted is dropped.
   */
  void handOver(RunModel model, List<EngineEvent> events) {
    held.forEach(
        (name, orders) -> {
          orders.removeIf(o -> !isCurrent(o, model));
          List<SubmitOrder> batch = new ArrayList<>();
          while (!orders.isEmpty() && capacities.take(name)) {
            batch.add(orders.poll());
          }
          if (!batch.isEmpty()) {
            submit(sites.get(name), batch, events);
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

  private void submit(Site site, List<SubmitOrder> batch, List<EngineEvent> events) {
    List<Submission> submissions = new ArrayList<>(batch.size());
    for (SubmitOrder order : batch) {
      String instanceId = order.row().instanceId();
      submissions.add(
          new Submission(
              order.token(),
              runId,
              instanceId,
              order.attempt(),
              () -> withScriptFound(order.instance()),
              () -> folder.attempt(instanceId, order.attempt()),
              work));
    }
    Map<String, SubmitAnswer> answers;
    try {
      answers = site.submitAll(submissions);
    } catch (ConnectorException e) {
      for (SubmitOrder order : batch) {
        refused(order, e, events);
      }
      return;
    } catch (RuntimeException e) {
      // A bug in a connector fails these jobs, not the whole run.
      LOG.error("submitting {} attempts to {} failed", batch.size(), site.name(), e);
      answers = Map.of();
    }
    for (SubmitOrder order : batch) {
      SubmitAnswer a = answers.get(order.token());
      if (a == null) {
        LOG.error(
            "{} ({}): {} gave no answer", order.row().instanceId(), order.token(), site.name());
        events.add(
            new EngineEvent.SubmitRejected(
                order.token(), "the connector of " + site.name() + " gave no answer", false));
      } else if (a.job() != null) {
        events.add(new EngineEvent.Submitted(a.job()));
      } else {
        refused(order, a.refusal(), events);
      }
    }
  }

  private static void refused(SubmitOrder order, ConnectorException e, List<EngineEvent> events) {
    if (e.getCause() instanceof RuntimeException bug) {
      LOG.error("submitting {} ({}) failed", order.row().instanceId(), order.token(), bug);
    } else {
      LOG.log(
          e.isTransient() ? Level.INFO : Level.WARN,
          "{} ({}) not taken by {}: {}",
          order.row().instanceId(),
          order.token(),
          order.site(),
          e.getMessage());
    }
    events.add(new EngineEvent.SubmitRejected(order.token(), e.getMessage(), e.isTransient()));
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
