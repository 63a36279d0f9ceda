package io.fedflow.dag.yaml;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * SnakeYAML node trees for the writer, and their text. Strings are tagged as strings, and the
 * emitter is given a resolver that knows every plain scalar a YAML 1.1 or 1.2 reader would take for
 * something else ({@code yes}, {@code 1e3}, {@code 0x10}, {@code ~}, a date): so it quotes those,
 * and whatever else could not be plain, and leaves the rest readable.
 */
final class YamlNodes {
  /** A flow collection ({@code [a, b]}) is used up to this many characters of content. */
  private static final int SHORT = 60;

  private static final Tag TIMESTAMP = new Tag(Tag.PREFIX + "timestamp");
  private static final Pattern DECIMAL = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");
  private static final Pattern BOOLEAN = Pattern.compile("true|false");

  /** What YAML 1.1 and 1.2 readers take plain scalars for, checked in this order. */
  private static final List<Map.Entry<Tag, Pattern>> TYPED =
      List.of(
          Map.entry(Tag.NULL, Pattern.compile("~|null|Null|NULL|")),
          Map.entry(
              Tag.BOOL,
              Pattern.compile(
                  "[Yy]es|YES|[Nn]o|NO|[Tt]rue|TRUE|[Ff]alse|FALSE|[Oo]n|ON|[Oo]ff|OFF")),
          Map.entry(
              Tag.INT,
              Pattern.compile(
                  "[-+]?(?:0b[0-1_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*"
                      + "|[1-9][0-9_]*(?::[0-5]?[0-9])+)")),
          Map.entry(
              Tag.FLOAT,
              Pattern.compile(
                  "[-+]?(?:\\.[0-9_]+|[0-9][0-9_]*(?:\\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?"
                      + "|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*"
                      + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)")),
          Map.entry(
              TIMESTAMP,
              Pattern.compile(
                  "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:(?:[Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}"
                      + "(?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?)?")),
          Map.entry(new Tag(Tag.PREFIX + "merge"), Pattern.compile("<<")),
          Map.entry(new Tag(Tag.PREFIX + "value"), Pattern.compile("=")));

  private static final ScalarResolver CAUTIOUS =
      (value, implicit) -> {
        if (implicit) {
          for (Map.Entry<Tag, Pattern> t : TYPED) {
            if (t.getValue().matcher(value).matches()) {
              return t.getKey();
            }
          }
        }
        return Tag.STR;
      };

  private static final DumpSettings SETTINGS =
      DumpSettings.builder()
          .setSchema(
              new Schema() {
                @Override
                public ScalarResolver getScalarResolver() {
                  return CAUTIOUS;
                }

                @Override
                public Map<Tag, ConstructNode> getSchemaTagConstructors() {
                  return Map.of();
                }
              })
          .setDefaultFlowStyle(FlowStyle.BLOCK)
          .setIndent(2)
          .setIndicatorIndent(2)
          .setIndentWithIndicator(true)
          .setSplitLines(false)
          .build();

  private YamlNodes() {}

  /** The YAML text of {@code root}. */
  static String text(Node root) {
    Text out = new Text();
    new Dump(SETTINGS).dumpNode(root, out);
    // SnakeYAML writes these two as they are, which YAML 1.2 allows; YAML 1.1 tools take them for
    // line breaks. str() double-quotes every string that has them, so they can be escaped.
    return out.toString().replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
  }

  /** A string: plain when that reads back as the same string, quoted otherwise. */
  static ScalarNode str(String s) {
    ScalarStyle style = ScalarStyle.PLAIN;
    if (s.chars().anyMatch(c -> c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029')) {
      // YAML readers turn these into plain line feeds unless they are escaped.
      style = ScalarStyle.DOUBLE_QUOTED;
    } else if (s.startsWith("\n")) {
      // SnakeYAML writes leading empty lines of a block scalar so that it cannot read them back.
      style = ScalarStyle.DOUBLE_QUOTED;
    } else if (s.indexOf('\n') >= 0) {
      style = ScalarStyle.LITERAL;
    } else if (s.indexOf('\t') >= 0) {
      // A tab next to an indicator or at either end is taken for white space.
      style = ScalarStyle.DOUBLE_QUOTED;
    }
    return new ScalarNode(Tag.STR, s, style);
  }

  /** A string that is a number or a boolean when it looks like one: params and fan-out items. */
  static ScalarNode value(String s) {
    if (DECIMAL.matcher(s).matches() || BOOLEAN.matcher(s).matches()) {
      return plain(s);
    }
    return str(s);
  }

  static ScalarNode integer(long n) {
    return plain(Long.toString(n));
  }

  /** Tagged as the emitter will resolve it, so that it is written plain and without a tag. */
  private static ScalarNode plain(String s) {
    return new ScalarNode(CAUTIOUS.resolve(s, true), s, ScalarStyle.PLAIN);
  }

  /** A number in its shortest exact decimal form, without an exponent: {@code 2}, {@code 1.5}. */
  static ScalarNode number(double d) {
    return value(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
  }

  /** An ISO-8601 instant, plain as people write it when no reader can take it for text. */
  static ScalarNode timestamp(String iso) {
    return CAUTIOUS.resolve(iso, true).equals(TIMESTAMP) ? plain(iso) : str(iso);
  }

  static SequenceNode strings(List<String> items) {
    return list(items.stream().map(YamlNodes::str).map(Node.class::cast).toList());
  }

  /** A flow sequence {@code [a, b]} when its items are short scalars, else a block sequence. */
  static SequenceNode list(List<Node> items) {
    return new SequenceNode(Tag.SEQ, items, isShort(items) ? FlowStyle.FLOW : FlowStyle.BLOCK);
  }

  private static boolean isShort(List<Node> nodes) {
    int length = 0;
    for (Node n : nodes) {
      if (!(n instanceof ScalarNode s) || s.getValue().indexOf('\n') >= 0) {
        return false;
      }
      length += s.getValue().length() + 2;
    }
    return length <= SHORT;
  }

  /** The fields of a mapping, in the order they are put; null values are left out. */
  static final class Mapping {
    private final List<NodeTuple> tuples = new ArrayList<>();

    Mapping put(String key, Node value) {
      if (value != null) {
        tuples.add(new NodeTuple(str(key), value));
      }
      return this;
    }

    Mapping put(String key, String value) {
      return value == null ? this : put(key, str(value));
    }

    boolean isEmpty() {
      return tuples.isEmpty();
    }

    /** A block mapping, or null when it has no fields. */
    MappingNode block() {
      return isEmpty() ? null : new MappingNode(Tag.MAP, tuples, FlowStyle.BLOCK);
    }

    /** A flow mapping {@code {from: a, to: b}} when short, else a block one. */
    MappingNode flowIfShort() {
      List<Node> nodes = new ArrayList<>();
      tuples.forEach(t -> nodes.addAll(List.of(t.getKeyNode(), t.getValueNode())));
      FlowStyle style = isShort(nodes) ? FlowStyle.FLOW : FlowStyle.BLOCK;
      return new MappingNode(Tag.MAP, tuples, style);
    }
  }

  static Mapping mapping() {
    return new Mapping();
  }

  /** A block mapping of strings to strings, or null when empty. */
  static MappingNode strings(Map<String, String> m) {
    Mapping f = mapping();
    m.forEach(f::put);
    return f.block();
  }

  private static final class Text extends StringWriter implements StreamDataWriter {}
}
