package io.fedflow.dag.yaml;

import static io.fedflow.dag.yaml.Yaml.errors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.fedflow.dag.Workflow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Problems with a file as a whole: reading it, its YAML syntax, its shape. */
class FileErrorsTest {
  @TempDir Path dir;

  @Test
  void aSyntaxErrorStopsReadingAndIsReportedWhereTheParserFoundIt() {
    String text = "version: 1\nname: t\njobs:\n  a:\n    command: [a, b\n  b: {command: [b]}\n";
    assertThat(errors(text))
        .containsExactly(
            "wf.yaml:6:4: file: expected valid YAML but found a syntax error: expected ',' or ']',"
                + " but got : (while parsing a flow sequence started at line 5, column 14)");
  }

  @Test
  void aSyntaxErrorIsTheOnlyProblemReportedEvenAfterOtherProblems() {
    String text = "version: 1\nname: t\njobs:\n  a:\n    command: x\n  b: {command: [b]\n";
    assertThat(errors(text))
        .containsExactly(
            "wf.yaml:7:1: file: expected valid YAML but found a syntax error: expected ',' or '}',"
                + " but got <stream end> (while parsing a flow mapping started at line 6, column"
                + " 6)");
  }

  @Test
  void aKeyWithALineBreakStaysOnOneLineInTheMessage() {
    assertThat(errors("version: 1\nname: t\n\"a\\nb\": 1\njobs:\n  a: {command: [a]}\n"))
        .containsExactly(
            "wf.yaml:3:1: a\\nb: expected a workflow field (one of version, name, description,"
                + " params, defaults, limits, jobs, final) but found 'a\\nb'");
  }

  @Test
  void aTabUsedForIndentation() {
    assertThat(errors("version: 1\nname: t\njobs:\n\ta: {command: [a]}\n"))
        .containsExactly(
            "wf.yaml:4:1: file: expected valid YAML but found a syntax error: found character"
                + " '\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation)"
                + " (while scanning for the next token)");
  }

  @Test
  void aSecondDocumentIsAnErrorAndTheFirstIsStillChecked() {
    String text = "version: 1\nname: t\njobs: {}\n---\nversion: 1\n";
    assertThat(errors(text))
        .containsExactly(
            "wf.yaml:3:1: jobs: expected at least one job but found an empty workflow",
            "wf.yaml:4:1: file: expected one YAML document but found a second document");
  }

  @Test
  void anEmptyFileOrOneWithOnlyComments() {
    String expected =
        "wf.yaml:1:1: file: expected a map with version, name and jobs but found nothing";
    assertThat(errors("")).containsExactly(expected);
    assertThat(errors("# just a comment\n\n")).containsExactly(expected);
  }

  @Test
  void aFileThatIsAListOrText() {
    assertThat(errors("- version: 1\n"))
        .containsExactly(
            "wf.yaml:1:1: file: expected a map with version, name and jobs but found a list");
    assertThat(errors("\n  hello\n"))
        .containsExactly(
            "wf.yaml:2:3: file: expected a map with version, name and jobs but found 'hello'");
  }

  @Test
  void aControlCharacterIsReportedWhereItIs() {
    assertThat(errors("version: 1\nname: a\u0007b\n"))
        .containsExactly(
            "wf.yaml:2:8: file: expected printable text but found the character U+0007");
  }

  @Test
  void anUndefinedAliasIsAnAliasLikeAnyOther() {
    assertThat(errors("version: 1\nname: *n\njobs:\n  a: {command: [a]}\n"))
        .containsExactly(
            "wf.yaml:2:7: name: expected a value written out (YAML aliases are not supported) but"
                + " found the alias '*n'");
  }

  @Test
  void anAliasBombIsNeverExpanded() {
    StringBuilder bomb = new StringBuilder("version: 1\nname: bomb\na0: &a0 [x, x, x, x, x, x]\n");
    for (int i = 1; i < 40; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [");
      bomb.append(("*a" + (i - 1) + ", ").repeat(9)).append("*a").append(i - 1).append("]\n");
    }
    bomb.append("jobs:\n  a:\n    command: *a39\n");

    assertThat(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> errors(bomb.toString())))
        .hasSize(41)
        .contains(
            "wf.yaml:3:1: a0: expected a workflow field (one of version, name, description,"
                + " params, defaults, limits, jobs, final) but found 'a0'",
            "wf.yaml:45:14: jobs.a.command: expected a value written out (YAML aliases are not"
                + " supported) but found the alias '*a39'");
  }

  @Test
  void deepNestingIsStoppedBeforeItExhaustsTheStack() {
    String deep = "version: 1\nname: deep\njobs: " + "[".repeat(10_000) + "\n";
    assertThat(assertTimeoutPreemptively(Duration.ofSeconds(5), () -> errors(deep)))
        .containsExactly(
            "wf.yaml:3:70: file: expected at most 64 levels of nesting but found a value nested"
                + " deeper");
  }

  @Test
  void aMissingFileIsReportedAtItsStart() {
    Path missing = dir.resolve("nope.yaml");
    assertThatThrownBy(() -> WorkflowYamlReader.read(missing))
        .isInstanceOf(WorkflowFileException.class)
        .hasMessage(
            missing + ":1:1: file: expected a readable workflow file but found no such file");
  }

  @Test
  void aDirectoryIsNotAWorkflowFile() {
    assertThatThrownBy(() -> WorkflowYamlReader.read(dir))
        .isInstanceOf(WorkflowFileException.class)
        .hasMessage(dir + ":1:1: file: expected a readable workflow file but found a directory");
  }

  @Test
  void bytesThatAreNotUtf8AreReportedAtTheFirstBadOne() throws IOException {
    Path latin1 = dir.resolve("latin1.yaml");
    Files.write(latin1, "version: 1\nname: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThatThrownBy(() -> WorkflowYamlReader.read(latin1))
        .isInstanceOf(WorkflowFileException.class)
        .hasMessage(latin1 + ":2:10: file: expected UTF-8 text but found bytes that are not UTF-8");
  }

  @Test
  void aFileIsNamedAsGivenInItsProblems() throws IOException {
    Path file = dir.resolve("wf.yaml");
    Files.writeString(file, "version: 1\nname: t\njobs:\n  a: {command: [\u00e9t\u00e9]}\n");
    assertThat(WorkflowYamlReader.read(file))
        .isEqualTo(Workflow.named("t").job("a", j -> j.command("\u00e9t\u00e9")).buildUnchecked());

    Files.writeString(file, "version: 1\nname: t\njobs: {}\n");
    assertThatThrownBy(() -> WorkflowYamlReader.read(file))
        .hasMessage(file + ":3:1: jobs: expected at least one job but found an empty workflow");
  }
}
