package io.fedflow.engine.connector;

/**
 * Room at a site: how many more job slots it can start now, and how many jobs wait in its queue.
 */
public record Capacity(int freeSlots, int queuedJobs) {}
