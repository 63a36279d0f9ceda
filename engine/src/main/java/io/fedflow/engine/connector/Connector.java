package io.fedflow.engine.connector;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * One site, as the engine sees it. Every call may be slow or fail; a failed call changes nothing
 * the engine has recorded (a job whose state the site did not tell stays as it was, or becomes
 * UNKNOWN, never FAILED for the site's silence). Implementations are used from one engine thread at
 * a time per site.
 */
public interface Connector extends AutoCloseable {

  /**
   * Submits one attempt of one job instance. Idempotent per {@link Submission#token()}: the engine
   * records the token before calling, and after a crash asks {@link #find} before submitting again,
   * so the site must keep the token where {@link #find} can see it (a job name, a comment, a file).
   */
  SiteJob submit(Submission submission) throws ConnectorException;

  /**
   * The states of a set of jobs, in as few requests to the site as it allows (one per call for a
   * batch scheduler). A job the site no longer knows and whose end it cannot tell maps to {@link
   * SiteState#UNKNOWN}; a job left out of the answer is not observed this time.
   */
  Map<SiteJob, Observation> poll(Collection<SiteJob> jobs) throws ConnectorException;

  /** Cancels a set of jobs; cancelling a job that already ended is not an error. */
  void cancel(Collection<SiteJob> jobs) throws ConnectorException;

  /**
   * The jobs this site has (or had) for these submission tokens, for recovery after a crash: a
   * token absent from the answer was never submitted here.
   */
  Map<String, SiteJob> find(Collection<String> tokens) throws ConnectorException;

  /** How much room the site has now, for placement and throttling. */
  Capacity capacity() throws ConnectorException;

  /**
   * Lets a site that learns of its jobs' changes by itself (the local site sees its jobs end) wake
   * the engine, which then polls at once instead of at its next interval. Called once, before any
   * submission; the site may call {@code news} from any thread, as often as it likes (it only rings
   * a bell). Sites that are only polled ignore it.
   */
  default void onNews(Runnable news) {}

  /**
   * One stream of one attempt that ran here, for {@code fedflow logs} when the file is not on this
   * machine: its content when the site can fetch it (a remote {@code cat} over SSH), or where it is
   * and why it cannot. The engine calls it only for an attempt whose local file does not exist,
   * with the attempt as it was submitted (same token, instance, attempt number) so that the site
   * finds the file where it told the job to write it. Sites whose files are local (or that keep
   * none) leave it to its default: empty, and the engine reports the missing local file.
   *
   * @param job the attempt's job at this site; its native id may be null (never accepted)
   */
  default Optional<AttemptOutput> output(
      SiteJob job, Submission attempt, AttemptOutput.Stream stream) throws ConnectorException {
    return Optional.empty();
  }

  @Override
  default void close() {}
}
