package io.fedflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class GraphCommandTest {
  private static final String DIAMOND = Cli.WORKFLOWS + "diamond.yaml";

  @Test
  void drawsADiamondWithAnItemwiseEdgeInDot() {
    Cli r = Cli.run("graph", DIAMOND);

    assertThat(r.exitCode()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out())
        .isEqualTo(
            """
            digraph "diamond" {
              graph [rankdir=TB, labelloc=t, fontname="Helvetica", \
            label="diamond: 5 jobs, 9 instances"];
              node [fontname="Helvetica"];
              edge [fontname="Helvetica", fontsize=10];
              "prepare" [shape=box, style=rounded, label="prepare"];
              "simulate" [shape=box3d, label="simulate\\n3 instances"];
              "calibrate" [shape=box, style=rounded, label="calibrate"];
              "analyse" [shape=box3d, label="analyse\\n3 instances"];
              "cleanup" [shape=octagon, label="cleanup\\n(final)"];
              "prepare" -> "simulate";
              "prepare" -> "calibrate";
              "simulate" -> "analyse" [style=dashed, label="[item]"];
              "calibrate" -> "analyse";
              "analyse" -> "cleanup" [style=dotted];
            }
            """);
  }

  @Test
  void everyEdgeOfTheDotJoinsDeclaredNodes() {
    String dot = Cli.run("graph", "--format=dot", Cli.WORKFLOWS + "campaign.yaml").out();

    Set<String> nodes = new HashSet<>();
    Matcher node = Pattern.compile("(?m)^  \"([^\"]+)\" \\[").matcher(dot);
    while (node.find()) {
      nodes.add(node.group(1));
    }
    Matcher edge = Pattern.compile("(?m)^  \"([^\"]+)\" -> \"([^\"]+)\"").matcher(dot);
    int edges = 0;
    while (edge.find()) {
      assertThat(nodes).contains(edge.group(1), edge.group(2));
      edges++;
    }
    assertThat(nodes)
        .containsExactlyInAnyOrder("fetch", "simulate", "reconstruct", "merge", "report");
    assertThat(edges).isEqualTo(4);
    assertThat(dot).startsWith("digraph \"campaign\" {\n").endsWith("\n}\n");
  }

  @Test
  void drawsTheDiamondAsStepsForTheTerminal() {
    Cli r = Cli.run("graph", "--format", "text", DIAMOND);

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .isEqualTo(
            """
            diamond: 5 jobs, 9 instances

            1      prepare
            2      simulate ×3  ← prepare
                   calibrate    ← prepare
            3      analyse ×3   ← simulate[item], calibrate
            final  cleanup      ← analyse (always, even after a failure)
            """);
  }

  @Test
  void theSizeOfAFanOutFollowsTheParams() {
    Cli r =
        Cli.run(
            "graph", "--format=TEXT", "--param", "shards=1000", Cli.WORKFLOWS + "campaign.yaml");

    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .contains("2      simulate ×1000     ← fetch\n")
        .contains("3      reconstruct ×1000  ← simulate[item]\n");
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    Cli r = Cli.run("graph", "--format", "svg", DIAMOND);

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err())
        .isEqualTo(
            """
            fedflow graph: Invalid value for option '--format': expected one of [DOT, TEXT] \
            (case-insensitive) but was 'svg'
            Try 'fedflow graph --help' for more information.
            """);
  }
}
