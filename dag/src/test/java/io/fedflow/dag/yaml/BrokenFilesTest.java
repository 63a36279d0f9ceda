package io.fedflow.dag.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Whatever a file holds, reading it ends quickly with a workflow or with located problems, never
 * with another exception: checked on files broken at random (deterministically) from valid ones.
 */
class BrokenFilesTest {
  private static final int FILES = 600;
  private static final String[] INSERTS = {
    ":",
    ": ",
    "-",
    "- ",
    "[",
    "]",
    "{",
    "}",
    "\"",
    "'",
    "&a ",
    "*a",
    "\t",
    "é",
    "😀",
    "#",
    "|",
    ">",
    "!!str ",
    "? ",
    "\n---\n",
    "%YAML 1.2\n",
    "\n",
    ",",
    "\u0000",
    "\u200B",
    "{{",
    "<<: ",
    "\\",
    "\r"
  };
  private static final String[] STRUCTURES = {
    "{x: 1}", "[1, 2]", "~", "", "[]", "{}", "*a", "&a 1"
  };

  @TestFactory
  Stream<DynamicTest> everyBrokenFileEndsWithAWorkflowOrLocatedProblems() throws IOException {
    List<String> seeds = seeds();
    Random random = new Random(20261125L);
    List<DynamicTest> tests = new ArrayList<>();
    for (int i = 0; i < FILES; i++) {
      String seed = seeds.get(random.nextInt(seeds.size()));
      String broken = seed;
      int mutations = 1 + random.nextInt(3);
      StringBuilder how = new StringBuilder();
      for (int m = 0; m < mutations; m++) {
        int kind = random.nextInt(7);
        how.append(kind);
        broken = mutate(broken, kind, random);
      }
      String text = broken;
      tests.add(
          DynamicTest.dynamicTest("file " + i + " (mutations " + how + ")", () -> check(text)));
    }
    tests.add(DynamicTest.dynamicTest("alias bomb", () -> check(aliasBomb())));
    tests.add(DynamicTest.dynamicTest("10,000 [", () -> check("jobs: " + "[".repeat(10_000))));
    tests.add(DynamicTest.dynamicTest("10,000 {", () -> check("{a: ".repeat(10_000))));
    tests.add(DynamicTest.dynamicTest("10,000 -", () -> check("- ".repeat(10_000) + "x")));
    return tests.stream();
  }

  private static void check(String text) {
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          try {
            WorkflowYamlReader.read(text, "broken.yaml");
          } catch (WorkflowFileException e) {
            assertThat(e.diagnostics()).as(text).isNotEmpty();
            for (Diagnostic d : e.diagnostics()) {
              assertThat(d.line()).as(d + "\nin\n" + text).isPositive();
              assertThat(d.column()).as(d + "\nin\n" + text).isPositive();
              assertThat(d.file()).isEqualTo("broken.yaml");
              assertThat(d.problem().path()).as(d + "\nin\n" + text).isNotBlank();
              assertThat(d.problem().expected()).as(d + "\nin\n" + text).isNotBlank();
              assertThat(d.problem().found()).as(d + "\nin\n" + text).isNotBlank();
              assertThat(d.toString()).as(d + "\nin\n" + text).doesNotContain("\n");
            }
          }
        },
        () -> "took too long on:\n" + text);
  }

  private static String mutate(String text, int kind, Random random) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int at = random.nextInt(lines.size());
    switch (kind) {
      case 0 -> {
        return text.substring(0, random.nextInt(text.length() + 1));
      }
      case 1 -> lines.remove(at);
      case 2 -> lines.add(at, lines.get(at));
      case 3 -> {
        int other = random.nextInt(lines.size());
        String swapped = lines.get(at);
        lines.set(at, lines.get(other));
        lines.set(other, swapped);
      }
      case 4 -> lines.set(at, reindented(lines.get(at), random));
      case 5 -> {
        String insert = INSERTS[random.nextInt(INSERTS.length)];
        int pos = random.nextInt(text.length() + 1);
        return text.substring(0, pos) + insert + text.substring(pos);
      }
      default -> lines.set(at, restructured(lines.get(at), random));
    }
    return String.join("\n", lines);
  }

  private static String reindented(String line, Random random) {
    String body = line.stripLeading();
    int indent = line.length() - body.length();
    return switch (random.nextInt(3)) {
      case 0 -> " ".repeat(indent + 1 + random.nextInt(3)) + body;
      case 1 -> " ".repeat(Math.max(0, indent - 1 - random.nextInt(3))) + body;
      default -> "\t" + body;
    };
  }

  /** The line with its value replaced by a map, a list, nothing or an alias. */
  private static String restructured(String line, Random random) {
    int colon = line.indexOf(": ");
    String structure = STRUCTURES[random.nextInt(STRUCTURES.length)];
    if (colon >= 0) {
      return line.substring(0, colon + 2) + structure;
    }
    int dash = line.indexOf("- ");
    return dash >= 0 ? line.substring(0, dash + 2) + structure : line + structure;
  }

  private static List<String> seeds() throws IOException {
    List<String> seeds = new ArrayList<>();
    seeds.add(ReadValidWorkflowTest.EVERY_FIELD);
    seeds.add(LocatingProblemsTest.TEXT);
    seeds.add("version: 1\nname: hello\njobs:\n  greet:\n    command: [echo, hi]\n");
    // The repository's examples, when there are any (tests run in the dag module's folder).
    Path examples = Path.of("..", "examples");
    if (Files.isDirectory(examples)) {
      try (Stream<Path> files = Files.list(examples)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
          seeds.add(Files.readString(f));
        }
      }
    }
    return seeds;
  }

  private static String aliasBomb() {
    StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 30; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [");
      bomb.append(("*a" + (i - 1) + ", ").repeat(9)).append("*a").append(i - 1).append("]\n");
    }
    return bomb + "version: 1\nname: bomb\njobs: {a: {command: *a29}}\n";
  }
}
