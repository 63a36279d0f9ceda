package io.fedflow.dag.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.fedflow.dag.Problem;
import io.fedflow.dag.Workflow;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Problems found on the model (by the validator) are placed where their path is written. The checks
 * are given as a function so that these tests do not depend on what the validator checks.
 */
class LocatingProblemsTest {
  static final String TEXT =
      """
      version: 1
      name: located
      params: {shards: 9}
      jobs:
        fetch:
          labels: {app.kubernetes.io/name: x}
          command: [curl, x]
        merge:
          needs: fetch
          command: [cat]
        train:
          needs: [fetch, merge]
          forEach: {range: {from: 0, to: "{{params.shards}}"}}
          command: [python3, train.py]
      final:
        cleanup:
          command: [rm]
      """;

  private static List<String> located(Problem... problems) {
    List<Workflow> checked = new ArrayList<>();
    Function<Workflow, List<Problem>> checks =
        wf -> {
          checked.add(wf);
          return List.of(problems);
        };
    WorkflowFileException e =
        catchThrowableOfType(
            WorkflowFileException.class,
            () -> WorkflowYamlReader.read(TEXT, "located.yaml", checks));
    assertThat(checked).hasSize(1);
    return e.diagnostics().stream().map(Diagnostic::toString).toList();
  }

  @Test
  void aScalarIsLocatedAtItsValueAndAMapOrListAtItsKey() {
    assertThat(
            located(
                new Problem("jobs.train.needs[1]", "the id of a job", "'merge'"),
                new Problem("jobs.train", "a job id", "'train'"),
                new Problem("jobs.train.forEach.range.to", "an integer", "'{{params.shards}}'")))
        .containsExactly(
            "located.yaml:11:3: jobs.train: expected a job id but found 'train'",
            "located.yaml:12:20: jobs.train.needs[1]: expected the id of a job but found 'merge'",
            "located.yaml:13:36: jobs.train.forEach.range.to: expected an integer but found"
                + " '{{params.shards}}'");
  }

  @Test
  void aDependencyWrittenAsOneIdIsItemZero() {
    assertThat(located(new Problem("jobs.merge.needs[0]", "x", "y")))
        .containsExactly("located.yaml:9:12: jobs.merge.needs[0]: expected x but found y");
  }

  @Test
  void aPathNeverWrittenIsPlacedAtItsNearestWrittenAncestor() {
    assertThat(
            located(
                new Problem("jobs.fetch.resources.memory", "x", "y"),
                new Problem("limits.maxInFlight", "x", "y"),
                new Problem("jobs", "no cycle", "the cycle a -> b -> a")))
        .containsExactly(
            "located.yaml:1:1: limits.maxInFlight: expected x but found y",
            "located.yaml:4:1: jobs: expected no cycle but found the cycle a -> b -> a",
            "located.yaml:5:3: jobs.fetch.resources.memory: expected x but found y");
  }

  @Test
  void keysWithDotsAndTheFinalJobAreFoundAsWritten() {
    assertThat(
            located(
                new Problem("final.cleanup", "no needs", "needs"),
                new Problem("jobs.fetch.labels.app.kubernetes.io/name", "x", "y"),
                new Problem("params.shards", "an integer", "'9'")))
        .containsExactly(
            "located.yaml:3:18: params.shards: expected an integer but found '9'",
            "located.yaml:6:38: jobs.fetch.labels.app.kubernetes.io/name: expected x but found y",
            "located.yaml:16:3: final.cleanup: expected no needs but found needs");
  }

  @Test
  void aProblemFoundOnTheModelIsShownOnOneLine() {
    assertThat(located(new Problem("jobs.merge.command", "a template", "'{{ a\n}'")))
        .containsExactly(
            "located.yaml:10:5: jobs.merge.command: expected a template but found '{{ a\\n}'");
  }

  @Test
  void aFileWithProblemsOfItsOwnIsNotCheckedAsAWhole() {
    List<Workflow> checked = new ArrayList<>();
    Function<Workflow, List<Problem>> checks =
        wf -> {
          checked.add(wf);
          return List.of();
        };
    String broken = TEXT.replace("command: [cat]", "command: cat");

    catchThrowableOfType(
        WorkflowFileException.class, () -> WorkflowYamlReader.read(broken, "b.yaml", checks));

    assertThat(checked).isEmpty();
  }
}
