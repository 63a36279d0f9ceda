package io.fedflow.dag.yaml;

import java.util.List;
import java.util.Optional;
import java.util.function.BinaryOperator;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.Parser;

/**
 * A composer that hands each entry of the top-level {@code jobs} map to a reader as soon as it is
 * composed, and keeps what the reader returns (a stub) in its place. A big generated workflow then
 * never holds the nodes of all its jobs at once: SnakeYAML's nodes and marks take some forty times
 * the size of the text, and keeping them all makes reading a 100,000-job file mostly garbage
 * collection.
 */
final class JobByJobComposer extends Composer {
  private final BinaryOperator<Node> onJob;
  private int depth;
  private String topKey;

  /** {@code onJob} takes a job's key and value and returns the value to keep. */
  JobByJobComposer(LoadSettings settings, Parser parser, BinaryOperator<Node> onJob) {
    super(settings, parser);
    this.onJob = onJob;
  }

  @Override
  protected Node composeMappingNode(Optional<Anchor> anchor) {
    depth++;
    try {
      return super.composeMappingNode(anchor);
    } finally {
      depth--;
    }
  }

  @Override
  protected SequenceNode composeSequenceNode(Optional<Anchor> anchor) {
    depth++;
    try {
      return super.composeSequenceNode(anchor);
    } finally {
      depth--;
    }
  }

  @Override
  protected void composeMappingChildren(List<NodeTuple> children, MappingNode node) {
    int level = depth;
    if (level == 1) {
      topKey = null;
    }
    Node key = composeKeyNode(node);
    if (level == 1 && key instanceof ScalarNode s) {
      topKey = s.getValue();
    }
    Node value = composeValueNode(node);
    if (level == 2 && "jobs".equals(topKey)) {
      value = onJob.apply(key, value);
    }
    children.add(new NodeTuple(key, value));
  }
}
