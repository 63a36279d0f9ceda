package io.fedflow.engine.run;

import io.fedflow.engine.JobRow;
import io.fedflow.engine.JobState;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.SiteJob;
import io.fedflow.engine.core.EngineEvent;
import io.fedflow.engine.core.RunModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * After a start, asks each site, in one call, which of the run's attempts recorded as SUBMITTING it
 * has, by token: the engine may have stopped before, during or after calling the site. The decider
 * adopts what a site has and submits again, with the same token, what it has not. A site that does
 * not answer is asked again at each poll; its attempts wait meanwhile.
 */
final class Recovery {
  private static final Logger LOG = LogManager.getLogger(Recovery.class);

  private final Sites sites;
  private final Map<String, List<String>> pending = new LinkedHashMap<>();

  Recovery(Sites sites, RunModel model) {
    this.sites = sites;
    for (JobRow r : model.inFlightRows()) {
      if (r.state() == JobState.SUBMITTING) {
        pending.computeIfAbsent(r.site(), s -> new ArrayList<>()).add(r.token());
      }
    }
  }

  /** Asks the sites not asked yet, adding what they said as events. */
  void lookUp(List<EngineEvent> events) {
    pending
        .entrySet()
        .removeIf(
            e -> {
              List<String> tokens = e.getValue();
              try {
                Map<String, SiteJob> found = sites.get(e.getKey()).find(tokens);
                for (String t : tokens) {
                  events.add(new EngineEvent.Recovered(t, found.get(t)));
                }
                LOG.info(
                    "site {} has {} of the {} attempts being submitted when the run stopped",
                    e.getKey(),
                    found.size(),
                    tokens.size());
                return true;
              } catch (ConnectorException x) {
                LOG.warn(
                    "site {} could not tell which of {} attempts it has; asking again: {}",
                    e.getKey(),
                    tokens.size(),
                    x.getMessage());
                return false;
              }
            });
  }

  boolean isDone() {
    return pending.isEmpty();
  }
}
