package io.fedflow.engine.connector.local;

import java.time.Instant;

/** A job this engine started, as its starter sees it. */
interface Started {

  /**
   * True until the job's exit code is in its attempt folder (or it will never be: the job was not
   * launched after all, or what started it died).
   */
  boolean isAlive();

  /** When its process started, or null while that is not known yet. */
  Instant started();
}
