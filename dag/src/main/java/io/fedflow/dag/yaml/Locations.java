package io.fedflow.dag.yaml;

import java.util.HashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Where each field path of a file is written, to place the problems the validator finds on the
 * model: {@code jobs.merge.needs[1]} is at its value, {@code jobs.merge} at its key. Built only
 * when there are such problems, since a big file has millions of paths.
 */
final class Locations {
  private final Map<String, Mark> marks = new HashMap<>();

  Locations(Node root) {
    index("", null, root);
  }

  /** Paths are built as {@link Field} builds them; the first of duplicate keys wins. */
  private void index(String path, Node key, Node value) {
    marks.putIfAbsent(path, where(key, value));
    if (value instanceof MappingNode m) {
      for (NodeTuple t : m.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k) {
          String name = k.getValue();
          index(path.isEmpty() ? name : path + "." + name, k, t.getValueNode());
        }
      }
    } else if (value instanceof SequenceNode s) {
      for (int i = 0; i < s.getValue().size(); i++) {
        index(path + "[" + i + "]", null, s.getValue().get(i));
      }
    }
  }

  /**
   * A scalar's own place; for a map, a list or nothing, the key it is written under (a block map
   * starts on the next line).
   */
  static Mark where(Node key, Node value) {
    boolean text = value instanceof ScalarNode && !Found.isNothing(value);
    return (text || key == null ? value : key).getStartMark().orElseThrow();
  }

  /** Where {@code path} is written, or else its nearest written ancestor; null for none. */
  Mark find(String path) {
    String p = path;
    Mark at = marks.get(p);
    while (at == null && !p.isEmpty()) {
      p = p.substring(0, Math.max(0, Math.max(p.lastIndexOf('.'), p.lastIndexOf('['))));
      at = marks.get(p);
    }
    return at;
  }
}
