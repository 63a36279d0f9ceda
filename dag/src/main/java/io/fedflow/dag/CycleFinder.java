package io.fedflow.dag;

import java.util.ArrayList;
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
 * first and follow {@code needs}. Only strongly connected components of more than one job can hold
 * a cycle (self-needs are reported where they are written), so the rest of the graph costs one
 * linear pass (Kosaraju's, iterative in JGraphT) even for a hundred thousand jobs.
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

  /** The cycles of {@code needs} (an edge from each job to each job it needs), capped. */
  static Result find(Graph<Integer, DefaultEdge> needs) {
    List<List<Integer>> cycles = new ArrayList<>();
    boolean more = false;
    List<Set<Integer>> components =
        new KosarajuStrongConnectivityInspector<>(needs).stronglyConnectedSets();
    List<List<Integer>> tangled = new ArrayList<>();
    for (Set<Integer> c : components) {
      if (c.size() > 1) {
        List<Integer> sorted = new ArrayList<>(c);
        Collections.sort(sorted);
        tangled.add(sorted);
      }
    }
    tangled.sort((a, b) -> Integer.compare(a.get(0), b.get(0)));
    for (List<Integer> component : tangled) {
      if (cycles.size() >= MAX_CYCLES) {
        more = true;
        break;
      }
      Graph<Integer, DefaultEdge> sub = subgraph(needs, component);
      if (component.size() <= MAX_ENUMERATED_COMPONENT) {
        more |= enumerate(sub, MAX_CYCLES - cycles.size(), cycles);
      } else {
        cycles.add(oneCycle(sub, component.get(0)));
      }
    }
    cycles.sort(CycleFinder::compare);
    return new Result(cycles, more);
  }

  /** The cycles found, and whether there are more than were listed. */
  record Result(List<List<Integer>> cycles, boolean more) {}

  private static Graph<Integer, DefaultEdge> subgraph(
      Graph<Integer, DefaultEdge> g, List<Integer> vertices) {
    Graph<Integer, DefaultEdge> sub = new DefaultDirectedGraph<>(DefaultEdge.class);
    vertices.forEach(sub::addVertex);
    for (Integer v : vertices) {
      for (DefaultEdge e : g.outgoingEdgesOf(v)) {
        Integer w = g.getEdgeTarget(e);
        if (sub.containsVertex(w)) {
          sub.addEdge(v, w);
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
