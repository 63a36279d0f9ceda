package io.fedflow.engine;

import io.fedflow.engine.connector.Capacity;
import io.fedflow.engine.connector.Connector;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.ConnectorProvider;
import io.fedflow.engine.connector.Observation;
import io.fedflow.engine.connector.SiteConfig;
import io.fedflow.engine.connector.SiteJob;
import io.fedflow.engine.connector.Submission;
import io.fedflow.engine.connector.SubmitAnswer;
import io.fedflow.engine.connector.memory.MemoryConnector;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Sites of type {@code batching-memory}: the memory site taking its submissions in batches, as a
 * batch scheduler making job arrays would. It keeps the size of every batch it was handed (under
 * the site's name, for the test to read) and refuses, within a batch, the instances named by {@code
 * refuse} (comma-separated instance ids) for good.
 */
public final class BatchingConnectorProvider implements ConnectorProvider {
  static final Map<String, List<Integer>> BATCHES = new ConcurrentHashMap<>();

  @Override
  public String type() {
    return "batching-memory";
  }

  @Override
  public Connector open(SiteConfig site) throws ConnectorException {
    Map<String, String> settings = new HashMap<>(site.settings());
    String refuse = settings.remove("refuse");
    Connector memory =
        new MemoryConnector(new SiteConfig(site.name(), "memory", settings), Clock.systemUTC());
    List<Integer> batches = new CopyOnWriteArrayList<>();
    BATCHES.put(site.name(), batches);
    return new Batching(memory, refuse == null ? Set.of() : Set.of(refuse.split(",")), batches);
  }

  private record Batching(Connector memory, Set<String> refused, List<Integer> batches)
      implements Connector {

    @Override
    public SiteJob submit(Submission s) throws ConnectorException {
      throw new AssertionError("the engine hands its submissions over in batches");
    }

    @Override
    public Map<String, SubmitAnswer> submitAll(List<Submission> submissions)
        throws ConnectorException {
      batches.add(submissions.size());
      Map<String, SubmitAnswer> answers = new LinkedHashMap<>();
      for (Submission s : submissions) {
        answers.put(
            s.token(),
            refused.contains(s.instanceId())
                ? SubmitAnswer.refused(
                    new ConnectorException("no room for " + s.instanceId(), false))
                : SubmitAnswer.taken(memory.submit(s)));
      }
      return answers;
    }

    @Override
    public Map<SiteJob, Observation> poll(Collection<SiteJob> jobs) throws ConnectorException {
      return memory.poll(jobs);
    }

    @Override
    public void cancel(Collection<SiteJob> jobs) throws ConnectorException {
      memory.cancel(jobs);
    }

    @Override
    public Map<String, SiteJob> find(Collection<String> tokens) throws ConnectorException {
      return memory.find(tokens);
    }

    @Override
    public Capacity capacity() throws ConnectorException {
      return memory.capacity();
    }
  }
}
