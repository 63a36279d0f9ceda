package io.fedflow.dag;

import static io.fedflow.dag.WorkflowValidatorTest.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FanOutValidationTest {

  private static Workflow fanOut(ForEach f) {
    return Workflow.named("w")
        .param("shards", 99)
        .param("name", "x")
        .job("j", b -> b.forEach(f).command("run"))
        .buildUnchecked();
  }

  @Test
  void refusesEmptyListsAndRepeatedValues() {
    assertThat(problems(fanOut(new ForEach.Values(List.of()))))
        .containsExactly("jobs.j.forEach: expected at least one item but found none");
    assertThat(problems(fanOut(new ForEach.Values(List.of("cern", "cnaf", "cern")))))
        .containsExactly("jobs.j.forEach[2]: expected unique items but found 'cern' again");
  }

  /** A record keeping the order its keys are given in. */
  private static Map<String, String> record(String... keysAndValues) {
    Map<String, String> r = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      r.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return r;
  }

  @Test
  void needsRecordsWithTheSameKeys() {
    Workflow wf =
        fanOut(
            new ForEach.Records(
                List.of(
                    record("ds", "a", "n", "1"),
                    record("ds", "b", "m", "2"),
                    record(),
                    record("n", "1", "ds", "a"))));

    assertThat(problems(wf))
        .containsExactly(
            "jobs.j.forEach[1]: expected the keys of the first record (ds, n) but found 'ds, m'",
            "jobs.j.forEach[2]: expected a record with at least one key but found none",
            "jobs.j.forEach[3]: expected unique items but found '{n: 1, ds: a}' again");
    assertThat(problems(fanOut(new ForEach.Records(List.of()))))
        .containsExactly("jobs.j.forEach: expected at least one item but found none");
  }

  @Test
  void checksMatrixAxes() {
    Map<String, List<String>> axes = new LinkedHashMap<>();
    axes.put("lr", List.of("0.1", "0.01", "0.1"));
    axes.put("depth", List.of());

    assertThat(problems(fanOut(new ForEach.Matrix(axes))))
        .containsExactly(
            "jobs.j.forEach.matrix.lr[2]: expected unique values but found '0.1' again",
            "jobs.j.forEach.matrix.depth: expected at least one value but found none");
    assertThat(problems(fanOut(new ForEach.Matrix(Map.of()))))
        .containsExactly("jobs.j.forEach.matrix: expected at least one axis but found none");
  }

  @Test
  void needsItemKeysUsableInTemplates() {
    Map<String, List<String>> axes = new LinkedHashMap<>();
    axes.put("learning-rate", List.of("0.1"));
    axes.put("2nd", List.of("x"));

    assertThat(problems(fanOut(new ForEach.Matrix(axes))))
        .containsExactly(
            "jobs.j.forEach.matrix.2nd: expected an item key (a letter or '_', then letters,"
                + " digits, '_' and '-') but found '2nd'");
    assertThat(problems(fanOut(new ForEach.Records(List.of(record("data set", "a"))))))
        .containsExactly(
            "jobs.j.forEach[0].data set: expected an item key (a letter or '_', then letters,"
                + " digits, '_' and '-') but found 'data set'");
  }

  @Test
  void acceptsRangeBoundsGivenAsIntegersOrOneParameter() {
    assertThat(problems(fanOut(new ForEach.Range("0", "{{params.shards}}")))).isEmpty();
    assertThat(problems(fanOut(new ForEach.Range("{{ params.shards }}", "100")))).isEmpty();
  }

  @Test
  void refusesBadRangeBounds() {
    assertThat(problems(fanOut(new ForEach.Range("zero", "{{params.shards}}x"))))
        .containsExactly(
            "jobs.j.forEach.range.from: expected an integer or {{params.NAME}} but found 'zero'",
            "jobs.j.forEach.range.to: expected an integer or {{params.NAME}} but found"
                + " '{{params.shards}}x'");
    assertThat(problems(fanOut(new ForEach.Range("{{params.nope}}", "{{item}}"))))
        .containsExactly(
            "jobs.j.forEach.range.from: expected a known template name (params.shards,"
                + " params.name) but found '{{params.nope}}'",
            "jobs.j.forEach.range.to: expected a known template name (params.shards,"
                + " params.name) but found '{{item}}'");
    assertThat(problems(fanOut(new ForEach.Range("{{params.name}}", "{{params"))))
        .containsExactly(
            "jobs.j.forEach.range.from: expected an integer in params.name but found 'x'",
            "jobs.j.forEach.range.to: expected a template closed by '}}' but found"
                + " '{{params'");
  }

  @Test
  void needsARangeFromZeroUpwards() {
    assertThat(problems(fanOut(ForEach.Range.of(-1, 5))))
        .containsExactly(
            "jobs.j.forEach.range.from: expected an integer of at least 0 but found '-1'");
    assertThat(problems(fanOut(ForEach.Range.of(5, 2))))
        .containsExactly(
            "jobs.j.forEach.range.to: expected an integer of at least 5 (from) but found '2'");
    assertThat(problems(fanOut(ForEach.Range.of(5, 5)))).isEmpty();
  }

  @Test
  void checksRangeBoundsAgainstOverriddenParameters() {
    Workflow wf = fanOut(new ForEach.Range("10", "{{params.shards}}"));

    assertThat(WorkflowValidator.problems(wf, Map.of("shards", "3")))
        .extracting(Problem::toString)
        .containsExactly(
            "jobs.j.forEach.range.to: expected an integer of at least 10 (from) but found '3'");
    assertThat(WorkflowValidator.problems(wf, Map.of("events", "3")))
        .extracting(Problem::toString)
        .containsExactly(
            "params.events: expected a declared parameter (shards, name) but found 'events'");
  }

  @Test
  void givesTemplatesTheItemNamesOfTheirFanOut() {
    Workflow wf =
        Workflow.named("w")
            .job("v", b -> b.forEach("a").command("x", "{{item}}", "{{item.a}}"))
            .job(
                "r",
                b ->
                    b.forEach(new ForEach.Records(List.of(Map.of("ds", "a"))))
                        .command("x", "{{item.ds}}", "{{item}}"))
            .finalJob("f", b -> b.command("x", "{{job.id}}", "{{item}}"))
            .buildUnchecked();

    assertThat(problems(wf))
        .containsExactly(
            "jobs.v.command[2]: expected a known template name (item, job.id, job.name,"
                + " job.index, workflow.name) but found '{{item.a}}'",
            "jobs.r.command[2]: expected a known template name (item.ds, job.id, job.name,"
                + " job.index, workflow.name) but found '{{item}}'",
            "final.f.command[2]: expected a known template name (job.id, job.name, job.index,"
                + " workflow.name) but found '{{item}}'");
  }
}
