package io.fedflow.engine;

import io.fedflow.engine.connector.Capacity;
import io.fedflow.engine.connector.Connector;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.ConnectorProvider;
import io.fedflow.engine.connector.Observation;
import io.fedflow.engine.connector.SiteConfig;
import io.fedflow.engine.connector.SiteJob;
import io.fedflow.engine.connector.Submission;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Sites of type {@code pausing-local}: a site of type {@code inner} (default {@code local}, the
 * other settings are its own), which stops for good at the n-th submission of this process, just
 * before calling the site ({@code pauseBefore=n}: the token is recorded, nothing started) or just
 * after ({@code pauseAfter=n}: the job runs, the engine has not recorded it), printing {@code
 * paused} for a test to kill the process there. 0 never pauses. Other modules' crash tests use it
 * through this module's test jar (the Slurm scenarios wrap a {@code slurm} site).
 */
public final class PausingConnectorProvider implements ConnectorProvider {
  @Override
  public String type() {
    return "pausing-local";
  }

  @Override
  public Connector open(SiteConfig site) throws ConnectorException {
    Map<String, String> settings = new HashMap<>(site.settings());
    int before = Integer.parseInt(settings.remove("pauseBefore"));
    int after = Integer.parseInt(settings.remove("pauseAfter"));
    String inner = settings.containsKey("inner") ? settings.remove("inner") : "local";
    for (ConnectorProvider p : ServiceLoader.load(ConnectorProvider.class)) {
      if (p.type().equals(inner)) {
        return new Pausing(p.open(new SiteConfig(site.name(), inner, settings)), before, after);
      }
    }
    throw new ConnectorException("site " + site.name() + ": no site type '" + inner + "'", false);
  }

  private static final class Pausing implements Connector {
    private final Connector local;
    private final int before;
    private final int after;
    private int submissions;

    Pausing(Connector local, int before, int after) {
      this.local = local;
      this.before = before;
      this.after = after;
    }

    @Override
    public SiteJob submit(Submission s) throws ConnectorException {
      submissions++;
      if (submissions == before) {
        pause("before", s);
      }
      SiteJob job = local.submit(s);
      if (submissions == after) {
        pause("after", s);
      }
      return job;
    }

    private static void pause(String when, Submission s) {
      System.out.println("paused " + when + " submitting " + s.instance().id() + " " + s.token());
      System.out.flush();
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public Map<SiteJob, Observation> poll(Collection<SiteJob> jobs) throws ConnectorException {
      return local.poll(jobs);
    }

    @Override
    public void cancel(Collection<SiteJob> jobs) throws ConnectorException {
      local.cancel(jobs);
    }

    @Override
    public Map<String, SiteJob> find(Collection<String> tokens) throws ConnectorException {
      return local.find(tokens);
    }

    @Override
    public Capacity capacity() throws ConnectorException {
      return local.capacity();
    }

    /** The wrapped site's news, as the engine would hear it without the wrapper. */
    @Override
    public void onNews(Runnable news) {
      local.onNews(news);
    }

    @Override
    public void close() {
      local.close();
    }
  }
}
