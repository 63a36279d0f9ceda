package io.fedflow.engine.run;

import io.fedflow.engine.connector.AttemptOutput;
import io.fedflow.engine.connector.Capacity;
import io.fedflow.engine.connector.Connector;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.Observation;
import io.fedflow.engine.connector.SiteJob;
import io.fedflow.engine.connector.Submission;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * One open site, shared by the runs an engine follows. A connector is called by one thread at a
 * time, so every call goes through this object's lock.
 *
 * @param inProcess whether asking its capacity costs nothing (a site in this process): then it is
 *     asked every round; a remote site is asked once per poll
 */
record Site(String name, Connector connector, boolean inProcess) {

  synchronized SiteJob submit(Submission submission) throws ConnectorException {
    return connector.submit(submission);
  }

  synchronized Map<SiteJob, Observation> poll(Collection<SiteJob> jobs) throws ConnectorException {
    return connector.poll(jobs);
  }

  synchronized void cancel(Collection<SiteJob> jobs) throws ConnectorException {
    connector.cancel(jobs);
  }

  synchronized Map<String, SiteJob> find(Collection<String> tokens) throws ConnectorException {
    return connector.find(tokens);
  }

  synchronized Capacity capacity() throws ConnectorException {
    return connector.capacity();
  }

  synchronized Optional<AttemptOutput> output(
      SiteJob job, Submission attempt, AttemptOutput.Stream stream) throws ConnectorException {
    return connector.output(job, attempt, stream);
  }

  synchronized void close() {
    connector.close();
  }
}
