package io.fedflow.dag.yaml;

import static io.fedflow.dag.yaml.Yaml.errors;
import static io.fedflow.dag.yaml.Yaml.job;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * One test per kind of problem in what a job runs, what it needs and how it fans out, each with the
 * exact lines users see.
 */
class JobErrorsTest {

  @Test
  void aJobWithNothingToRun() {
    assertThat(errors(job("description: idle\nargs: [x]")))
        .containsExactly(
            "wf.yaml:4:3: jobs.a: expected one of command, script or scriptFile but found none");
  }

  @Test
  void aJobWithMoreThanOneThingToRun() {
    assertThat(errors(job("command: [a]\nscript: echo\nscriptFile: x.sh")))
        .containsExactly(
            "wf.yaml:4:3: jobs.a: expected one of command, script or scriptFile but found command,"
                + " script and scriptFile");
  }

  @Test
  void argsWithACommand() {
    assertThat(errors(job("command: [a]\nargs: [b]")))
        .containsExactly(
            "wf.yaml:6:5: jobs.a.args: expected args only with script or scriptFile (put them in"
                + " the command list) but found args with command");
  }

  @Test
  void aCommandWrittenAsOneString() {
    assertThat(errors(job("command: python3 train.py --lr 0.01")))
        .containsExactly(
            "wf.yaml:5:14: jobs.a.command: expected a list of arguments like [python3, train.py]"
                + " but found 'python3 train.py --lr 0.01'");
  }

  @Test
  void anEmptyCommand() {
    assertThat(errors(job("command: []")))
        .containsExactly(
            "wf.yaml:5:5: jobs.a.command: expected a list of arguments like [python3, train.py]"
                + " but found an empty list");
  }

  @Test
  void aFinalWithMoreThanOneJob() {
    String text =
        "version: 1\nname: t\njobs:\n  a: {command: [a]}\nfinal:\n  b: {command: [b]}\n"
            + "  c: {command: [c]}\n";
    assertThat(errors(text))
        .containsExactly(
            "wf.yaml:5:1: final: expected a map with exactly one job but found 2 jobs");
  }

  @Test
  void aFinalWithNoJob() {
    String text = "version: 1\nname: t\njobs:\n  a: {command: [a]}\nfinal: {}\n";
    assertThat(errors(text))
        .containsExactly(
            "wf.yaml:5:1: final: expected a map with exactly one job but found an empty map");
  }

  @Test
  void aNeedsEntryThatIsNeitherAJobNorAnItemwisePairing() {
    assertThat(errors(job("command: [a]\nneeds: [b, \"c[3]\", \"d[item]\", [e]]")))
        .containsExactly(
            "wf.yaml:6:16: jobs.a.needs[1]: expected a job id or job[item] but found 'c[3]'",
            "wf.yaml:6:35: jobs.a.needs[3]: expected a job id or job[item] but found a list");
  }

  @Test
  void aNeedsWrittenAsOneIdHasTheSameRules() {
    assertThat(errors(job("command: [a]\nneeds: b[0]")))
        .containsExactly(
            "wf.yaml:6:12: jobs.a.needs: expected a job id or job[item] but found 'b[0]'");
  }

  @Test
  void aBackoffFactorBelowOneAndANegativeRetryCount() {
    assertThat(
            errors(
                job("command: [a]\nretries: {count: -1, backoff: {factor: 0.5, initial: soon}}")))
        .containsExactly(
            "wf.yaml:6:22: jobs.a.retries.count: expected an integer of 0 or more but found '-1'",
            "wf.yaml:6:44: jobs.a.retries.backoff.factor: expected a factor of at least 1, like 2"
                + " or 1.5 but found '0.5'",
            "wf.yaml:6:58: jobs.a.retries.backoff.initial: expected a duration like 2h30m, 90s or"
                + " 1d but found 'soon'");
  }

  @Test
  void retriesAsAMapNeedACount() {
    assertThat(errors(job("command: [a]\nretries:\n  backoff: {max: 1h}")))
        .containsExactly(
            "wf.yaml:6:5: jobs.a.retries.count: expected a number of retries but found nothing");
  }

  @Test
  void aFanOutWithBothFormsOrAScalar() {
    String text =
        "version: 1\nname: t\njobs:\n  a:\n    command: [a]\n"
            + "    forEach: {range: {from: 0, to: 9}, matrix: {x: [1]}}\n"
            + "  b:\n    command: [b]\n    forEach: cern\n";
    assertThat(errors(text))
        .containsExactly(
            "wf.yaml:6:5: jobs.a.forEach: expected just one of range or matrix but found both",
            "wf.yaml:9:14: jobs.b.forEach: expected a list of items, {range: {from: 0, to: 9}} or"
                + " {matrix: {x: [1, 2]}} but found 'cern'");
  }

  @Test
  void aRangeBoundThatIsNeitherAnIntegerNorAParameter() {
    assertThat(errors(job("command: [a]\nforEach: {range: {from: one, to: 9.5}}")))
        .containsExactly(
            "wf.yaml:6:29: jobs.a.forEach.range.from: expected an integer or a parameter like"
                + " {{params.NAME}} but found 'one'",
            "wf.yaml:6:38: jobs.a.forEach.range.to: expected an integer or a parameter like"
                + " {{params.NAME}} but found '9.5'");
  }

  @Test
  void aListOfRecordsWithAValueAmongThem() {
    assertThat(errors(job("command: [a]\nforEach: [{ds: a}, b, {ds: [c]}]")))
        .containsExactly(
            "wf.yaml:6:24: jobs.a.forEach[1]: expected a record like {ds: a, n: 1} but found 'b'",
            "wf.yaml:6:28: jobs.a.forEach[2].ds: expected a single value like 7 or cnaf but found"
                + " a list");
  }

  @Test
  void aStagedFileMapNeedsBothEnds() {
    assertThat(errors(job("command: [a]\ninputs:\n  - {from: x.csv}\n  - [y]")))
        .containsExactly(
            "wf.yaml:7:9: jobs.a.inputs[0].to: expected a path or URI but found nothing",
            "wf.yaml:8:9: jobs.a.inputs[1]: expected a path or a map like {from: data.csv, to:"
                + " in.csv} but found a list");
  }
}
