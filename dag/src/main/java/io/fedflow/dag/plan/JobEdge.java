package io.fedflow.dag.plan;

/**
 * A dependency in the plan's graph: the downstream job waits for every instance of the upstream
 * one, or, item-wise, for the upstream instance with the same index.
 */
public record JobEdge(String upstream, String downstream, boolean itemwise) {}
