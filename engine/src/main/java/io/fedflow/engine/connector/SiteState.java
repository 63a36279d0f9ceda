package io.fedflow.engine.connector;

/** The few states a site can tell of a job; each connector maps its native states onto them. */
public enum SiteState {
  QUEUED,
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED,
  /** The site could not tell: it lost track of the job, or its answer was not understood. */
  UNKNOWN
}
