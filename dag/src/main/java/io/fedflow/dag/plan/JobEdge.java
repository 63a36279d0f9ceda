package io.fedflow.dag.plan;

/**
 * A dependency in the plan's graph: the downstream job waits for every instance of the upstream
 * one, or, item-wise, for the upstream instance with the same index.
 */
public record JobEdge(String upstream, String downstream, boolean itemwise) {

  /**
   * Scrambled, because JGraphT keeps edges in hash maps and the plain record hash of similar ids
   * ({@code j1 -> j2}, {@code j2 -> j3}, ...) falls into a few buckets.
   */
  @Override
  public int hashCode() {
    int h = (upstream.hashCode() * 31 + downstream.hashCode()) * 2 + (itemwise ? 1 : 0);
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    h ^= h >>> 13;
    h *= 0xC2B2AE35;
    return h ^ (h >>> 16);
  }
}
