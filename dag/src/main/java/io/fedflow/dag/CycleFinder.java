package io.fedflow.dag;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import org.jgrapht.Graph;
import org.jgrapht.GraphPath;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.alg.cycle.JohnsonSimpleCycles;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

/**
 * Finds the cycles among jobs, each once, as lists of job positions that start with the job written
 * first and follow {@code needs}. Jobs that cannot be on a cycle are peeled off first with plain
 * arrays; JGraphT then finds the strongly connected components of what is left (Kosaraju's,
 * iterative), and only components of more than one job are searched for cycles (self-needs are
 * reported where they are written). An acyclic workflow of 100,000 jobs costs one linear pass.
 */
final class CycleFinder {
  /** The most cycles reported: a dense tangle has exponentially many. */
  static final int MAX_CYCLES = 10;

  /**
   * Johnson's algorithm lists every cycle but recurses as deep as the component is large; bigger
   * components get one cycle each, found by breadth-first search.
   */
  private static final int MAX_ENUMERATED_COMPONENT = 64;

  private CycleFinder() {}

  /**
   * A job in the needs graph. Hashed by identity on purpose: JGraphT indexes edges by (source,
   * target) pairs, and pairs of consecutive integers hash into a few buckets.
   */
  private static final class Vertex {
    final int position;

    Vertex(int position) {
      this.position = position;
    }
  }

  /**
   * The cycles of a needs graph, capped; {@code needs[i]} lists the positions job {@code i} needs.
   */
  static Result find(int[][] needs) {
    boolean[] tangled = onOrAfterCycles(needs);
    List<List<Integer>> cycles = new ArrayList<>();
    boolean more = false;
    List<List<Vertex>> components = new ArrayList<>();
    for (Set<Vertex> c : stronglyConnected(needs, tangled)) {
      if (c.size() > 1) {
        List<Vertex> sorted = new ArrayList<>(c);
        sorted.sort((a, b) -> Integer.compare(a.position, b.position));
        components.add(sorted);
      }
    }
    components.sort((a, b) -> Integer.compare(a.get(0).position, b.get(0).position));
    for (List<Vertex> component : components) {
      if (cycles.size() >= MAX_CYCLES) {
        more = true;
        break;
      }
      Graph<Integer, DefaultEdge> sub = subgraph(needs, component);
      Integer first = component.get(0).position;
      if (component.size() <= MAX_ENUMERATED_COMPONENT) {
        more |= enumerate(sub, MAX_CYCLES - cycles.size(), cycles);
      } else {
        cycles.add(oneCycle(sub, first));
      }
    }
    cycles.sort(CycleFinder::compare);
    return new Result(cycles, more);
  }

  /**
   * The jobs left after repeatedly removing jobs that no remaining job needs (Kahn's algorithm on
   * arrays): every cycle is among them, and in the usual acyclic workflow none is left, so the
   * hash-heavy JGraphT graph is only built for the rest.
   */
  private static boolean[] onOrAfterCycles(int[][] needs) {
    int n = needs.length;
    int[] neededBy = new int[n];
    for (int[] ups : needs) {
      for (int up : ups) {
        neededBy[up]++;
      }
    }
    int[] free = new int[n];
    int top = 0;
    for (int i = 0; i < n; i++) {
      if (neededBy[i] == 0) {
        free[top++] = i;
      }
    }
    boolean[] left = new boolean[n];
    Arrays.fill(left, true);
    while (top > 0) {
      int v = free[--top];
      left[v] = false;
      for (int up : needs[v]) {
        if (--neededBy[up] == 0) {
          free[top++] = up;
        }
      }
    }
    return left;
  }

  private static List<Set<Vertex>> stronglyConnected(int[][] needs, boolean[] tangled) {
    Graph<Vertex, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
    Vertex[] vertices = new Vertex[needs.length];
    for (int i = 0; i < needs.length; i++) {
      if (tangled[i]) {
        vertices[i] = new Vertex(i);
        g.addVertex(vertices[i]);
      }
    }
    for (int i = 0; i < needs.length; i++) {
      if (!tangled[i]) {
        continue;
      }
      for (int up : needs[i]) {
        if (tangled[up]) {
          g.addEdge(vertices[i], vertices[up]);
        }
      }
    }
    return new KosarajuStrongConnectivityInspector<>(g).stronglyConnectedSets();
  }

  /** The cycles found, and whether there are more than were listed. */
  record Result(List<List<Integer>> cycles, boolean more) {}

  /** The component on its own, vertices numbered by position (small, or searched once). */
  private static Graph<Integer, DefaultEdge> subgraph(int[][] needs, List<Vertex> vertices) {
    Graph<Integer, DefaultEdge> sub = new DefaultDirectedGraph<>(DefaultEdge.class);
    vertices.forEach(v -> sub.addVertex(v.position));
    for (Vertex v : vertices) {
      for (int up : needs[v.position]) {
        if (sub.containsVertex(up)) {
          sub.addEdge(v.position, up);
        }
      }
    }
    return sub;
  }

  /** Adds up to {@code limit} cycles; true when there were more. */
  private static boolean enumerate(
      Graph<Integer, DefaultEdge> sub, int limit, List<List<Integer>> out) {
    int before = out.size();
    try {
      new JohnsonSimpleCycles<>(sub)
          .findSimpleCycles(
              cycle -> {
                if (out.size() - before == limit) {
                  throw Enough.INSTANCE;
                }
                out.add(normalised(sub, cycle));
              });
      return false;
    } catch (Enough e) {
      return true;
    }
  }

  /** A cycle through {@code start}: its first needed job, then the shortest way back. */
  private static List<Integer> oneCycle(Graph<Integer, DefaultEdge> sub, Integer start) {
    List<Integer> cycle = new ArrayList<>();
    cycle.add(start);
    Integer next = sub.getEdgeTarget(sub.outgoingEdgesOf(start).iterator().next());
    GraphPath<Integer, DefaultEdge> back = BFSShortestPath.findPathBetween(sub, next, start);
    List<Integer> path = back.getVertexList();
    cycle.addAll(path.subList(0, path.size() - 1));
    return cycle;
  }

  /**
   * The cycle rotated to start at its first-written job and following needs edges (JGraphT does not
   * document the direction of the lists it returns).
   */
  private static List<Integer> normalised(Graph<Integer, DefaultEdge> sub, List<Integer> cycle) {
    List<Integer> c = new ArrayList<>(cycle);
    if (!followsEdges(sub, c)) {
      Collections.reverse(c);
    }
    int first = c.indexOf(Collections.min(c));
    Collections.rotate(c, -first);
    return c;
  }

  private static boolean followsEdges(Graph<Integer, DefaultEdge> sub, List<Integer> c) {
    for (int i = 0; i < c.size(); i++) {
      if (!sub.containsEdge(c.get(i), c.get((i + 1) % c.size()))) {
        return false;
      }
    }
    return true;
  }

  private static int compare(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = Integer.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  /** Stops Johnson's enumeration early; it has no other way to be stopped. */
  private static final class Enough extends RuntimeException {
    private static final long serialVersionUID = 1L;
    static final Enough INSTANCE = new Enough();

    private Enough() {
      super(null, null, false, false);
    }
  }

  /** Joins job ids along a cycle, back to the first: {@code a -> b -> c -> a}. */
  static String describe(List<Integer> cycle, IntFunction<String> id) {
    StringBuilder out = new StringBuilder();
    for (Integer v : cycle) {
      out.append(id.apply(v)).append(" -> ");
    }
    return out.append(id.apply(cycle.get(0))).toString();
  }
}
