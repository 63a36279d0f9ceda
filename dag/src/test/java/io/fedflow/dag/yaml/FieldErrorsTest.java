package io.fedflow.dag.yaml;

import static io.fedflow.dag.yaml.Yaml.errors;
import static io.fedflow.dag.yaml.Yaml.job;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One test per kind of problem in the fields of a file, each with the exact lines users see. */
class FieldErrorsTest {

  @Test
  void aDuplicateKeyIsReportedAtTheSecondWithTheLineOfTheFirst() {
    String text =
        """
        version: 1
        name: t
        jobs:
          train:
            command: [a]
          train:
            command: [b]
            command: [c]
        """;
    assertThat(errors(text))
        .containsExactly(
            "wf.yaml:6:3: jobs.train: expected a unique key but found a second 'train' (the first is"
                + " at line 4)",
            "wf.yaml:8:5: jobs.train.command: expected a unique key but found a second 'command'"
                + " (the first is at line 7)");
  }

  @Test
  void anUnknownFieldThatIsANearMissSuggestsTheFieldMeant() {
    assertThat(errors(job("command: [a]\nmemroy: 8GiB\nneeds: []\ncomand: [b]")))
        .containsExactly(
            "wf.yaml:6:5: jobs.a.memroy: expected a job field (did you mean 'resources.memory'?)"
                + " but found 'memroy'",
            "wf.yaml:8:5: jobs.a.comand: expected a job field (did you mean 'command'?) but found"
                + " 'comand'");
  }

  @Test
  void aResourcesFieldWrittenOnTheJobSaysWhereItBelongs() {
    assertThat(errors(job("command: [a]\nmemory: 8GiB\nsites: [cnaf]")))
        .containsExactly(
            "wf.yaml:6:5: jobs.a.memory: expected a job field (memory belongs under resources) but"
                + " found 'memory'",
            "wf.yaml:7:5: jobs.a.sites: expected a job field (sites belongs under placement) but"
                + " found 'sites'");
  }

  @Test
  void commonNamesFromOtherToolsSuggestTheFieldOfThisFormat() {
    assertThat(errors(job("command: [a]\ndepends_on: [b]\nimage: docker://x")))
        .containsExactly(
            "wf.yaml:6:5: jobs.a.depends_on: expected a job field (did you mean 'needs'?) but found"
                + " 'depends_on'",
            "wf.yaml:7:5: jobs.a.image: expected a job field (did you mean 'container'?) but found"
                + " 'image'");
  }

  @Test
  void anUnknownFieldOfASmallMapListsTheFieldsItTakes() {
    assertThat(errors(job("command: [a]\nresources: {flops: 9}")))
        .containsExactly(
            "wf.yaml:6:17: jobs.a.resources.flops: expected a resources field (one of cpus, gpus,"
                + " gpuModel, memory, disk, walltime) but found 'flops'");
  }

  @Test
  void anUnknownJobFieldWithNoLikelyMeaningNamesWhatWasExpected() {
    assertThat(errors(job("command: [a]\nzzz: 1")))
        .containsExactly("wf.yaml:6:5: jobs.a.zzz: expected a job field but found 'zzz'");
  }

  @Test
  void aJobOnlyFieldInDefaultsSaysItIsSetByEachJob() {
    String text = "version: 1\nname: t\ndefaults:\n  command: [a]\njobs:\n  a: {command: [a]}\n";
    assertThat(errors(text))
        .containsExactly(
            "wf.yaml:4:3: defaults.command: expected a defaults field (command is set by each job)"
                + " but found 'command'");
  }

  @Test
  void anUnknownTopLevelFieldListsTheTopLevelFields() {
    String text = "version: 1\nname: t\nkind: Workflow\njobs:\n  a: {command: [a]}\n";
    assertThat(errors(text))
        .containsExactly(
            "wf.yaml:3:1: kind: expected a workflow field (one of version, name, description,"
                + " params, defaults, limits, jobs, final) but found 'kind'");
  }

  @Test
  void aMergeKeyIsNotSupported() {
    assertThat(errors(job("command: [a]\n<<: {priority: 1}")))
        .containsExactly(
            "wf.yaml:6:5: jobs.a.<<: expected a job field (YAML merge keys are not supported) but"
                + " found '<<'");
  }

  @Test
  void aMapWhereAListIsExpected() {
    assertThat(errors(job("command:\n  python3: train.py")))
        .containsExactly(
            "wf.yaml:5:5: jobs.a.command: expected a list of arguments like [python3, train.py]"
                + " but found a map");
  }

  @Test
  void aListWhereTextIsExpected() {
    assertThat(errors(job("command: [a]\ndescription: [a, b]\nworkdir: {a: b}")))
        .containsExactly(
            "wf.yaml:6:5: jobs.a.description: expected text but found a list",
            "wf.yaml:7:5: jobs.a.workdir: expected a directory path but found a map");
  }

  @Test
  void textWhereAnIntegerIsExpected() {
    assertThat(errors(job("command: [a]\npriority: high\nresources: {cpus: 2.5, gpus: -1}")))
        .containsExactly(
            "wf.yaml:6:15: jobs.a.priority: expected an integer but found 'high'",
            "wf.yaml:7:23: jobs.a.resources.cpus: expected an integer of 1 or more but found"
                + " '2.5'",
            "wf.yaml:7:34: jobs.a.resources.gpus: expected an integer of 0 or more but found '-1'");
  }

  @Test
  void anIntegerTooBigForTheModel() {
    assertThat(errors(job("command: [a]\npriority: 99999999999")))
        .containsExactly(
            "wf.yaml:6:15: jobs.a.priority: expected an integer but found '99999999999'");
  }

  @Test
  void aSizeWithAnUnknownUnitOrNoUnit() {
    assertThat(errors(job("command: [a]\nresources:\n  memory: 8 gigs\n  disk: 100")))
        .containsExactly(
            "wf.yaml:7:15: jobs.a.resources.memory: expected a size like 8GiB or 500MiB but found"
                + " '8 gigs'",
            "wf.yaml:8:13: jobs.a.resources.disk: expected a size like 8GiB or 500MiB but found"
                + " '100'");
  }

  @Test
  void aDurationThatIsNotOne() {
    assertThat(
            errors(job("command: [a]\nresources: {walltime: 30 minutes}\nwork: {runtime: 1m2h}")))
        .containsExactly(
            "wf.yaml:6:27: jobs.a.resources.walltime: expected a duration like 2h30m, 90s or 1d"
                + " but found '30 minutes'",
            "wf.yaml:7:21: jobs.a.work.runtime: expected a duration like 2h30m, 90s or 1d but"
                + " found '1m2h'");
  }

  @Test
  void anObjectiveThatIsNotOneOfTheThree() {
    assertThat(errors(job("command: [a]\nplacement: {objective: speed}")))
        .containsExactly(
            "wf.yaml:6:28: jobs.a.placement.objective: expected one of energy, cost or time but"
                + " found 'speed'");
  }

  @Test
  void aDeadlineThatIsNeitherADurationNorAnInstant() {
    assertThat(errors(job("command: [a]\nplacement: {deadline: next week}")))
        .containsExactly(
            "wf.yaml:6:27: jobs.a.placement.deadline: expected a duration like 12h or an instant"
                + " like 2026-12-01T08:00:00Z but found 'next week'");
  }

  @Test
  void aContainerThatIsNotAnImageReference() {
    assertThat(errors(job("command: [a]\ncontainer: python:3.12")))
        .containsExactly(
            "wf.yaml:6:16: jobs.a.container: expected an image like docker://python:3.12 or a .sif"
                + " file but found 'python:3.12'");
  }

  @Test
  void aVersionThatIsNotOne() {
    assertThat(errors("version: 2\nname: t\njobs:\n  a: {command: [a]}\n"))
        .containsExactly("wf.yaml:1:10: version: expected the format version 1 but found '2'");
  }

  @Test
  void missingVersionNameAndJobsAreReportedAtTheStartOfTheFile() {
    assertThat(errors("# a comment\ndescription: nothing else\n"))
        .containsExactly(
            "wf.yaml:2:1: version: expected the format version 1 but found nothing",
            "wf.yaml:2:1: name: expected the workflow's name but found nothing",
            "wf.yaml:2:1: jobs: expected a map from job id to job but found nothing");
  }

  @Test
  void noJobsIsAnEmptyWorkflow() {
    assertThat(errors("version: 1\nname: t\njobs: {}\n"))
        .containsExactly(
            "wf.yaml:3:1: jobs: expected at least one job but found an empty workflow");
  }

  @Test
  void jobsWrittenAsAList() {
    assertThat(errors("version: 1\nname: t\njobs:\n  - a: {command: [a]}\n"))
        .containsExactly("wf.yaml:3:1: jobs: expected a map from job id to job but found a list");
  }

  @Test
  void aParameterMustBeOneValue() {
    String text =
        "version: 1\nname: t\nparams:\n  lr: [0.1, 0.2]\n  n: {a: 1}\njobs:\n  a: {command: [a]}\n";
    assertThat(errors(text))
        .containsExactly(
            "wf.yaml:4:3: params.lr: expected a single value like 20 or data.csv but found a list",
            "wf.yaml:5:3: params.n: expected a single value like 20 or data.csv but found a map");
  }

  @Test
  void anEmptyOrNullValueIsNothingNeverAnUnsetField() {
    assertThat(errors(job("command: [a, null]\ndescription:\nworkdir: ~\nlabels: {x: Null}")))
        .containsExactly(
            "wf.yaml:5:18: jobs.a.command[1]: expected an argument but found nothing",
            "wf.yaml:6:5: jobs.a.description: expected text but found nothing",
            "wf.yaml:7:5: jobs.a.workdir: expected a directory path but found nothing",
            "wf.yaml:8:14: jobs.a.labels.x: expected a string but found nothing");
  }

  @Test
  void anAliasIsReportedWhereItIsUsed() {
    String text =
        """
        version: 1
        name: t
        defaults:
          resources: &big {cpus: 8}
        jobs:
          a:
            command: [a]
            resources: *big
        """;
    assertThat(errors(text))
        .containsExactly(
            "wf.yaml:8:16: jobs.a.resources: expected a value written out (YAML aliases are not"
                + " supported) but found the alias '*big'");
  }

  @Test
  void aKeyThatIsNotText() {
    assertThat(
            errors("version: 1\nname: t\njobs:\n  [a, b]: {command: [a]}\n  c: {command: [c]}\n"))
        .containsExactly("wf.yaml:4:3: jobs: expected a job id but found a list");
  }

  @Test
  void longTextInAMessageIsShortenedToOneLine() {
    assertThat(errors(job("command: [a]\nresources:\n  memory: |\n    line one\n    line two")))
        .containsExactly(
            "wf.yaml:7:15: jobs.a.resources.memory: expected a size like 8GiB or 500MiB but found"
                + " 'line one\\nline two\\n'");
    String longText = "x".repeat(100);
    assertThat(errors(job("command: [a]\npriority: " + longText)))
        .containsExactly(
            "wf.yaml:6:15: jobs.a.priority: expected an integer but found '"
                + "x".repeat(60)
                + "...'");
  }

  @Test
  void everyProblemOfAFileIsReportedInFileOrder() {
    String text =
        """
        version: 1
        name: pipeline
        limits: {maxInFlight: 0}
        jobs:
          prepare:
            command: sh prepare.sh
          train:
            needs: prepare
            command: [python3, train.py]
            resources:
              cpus: 4
              memory: 8 gigs
            memroy: 16GiB
            retries: many
          merge:
            script: echo
            needs: [train, "train[1]"]
        final:
          cleanup: [rm]
        """;
    assertThat(errors(text))
        .containsExactly(
            "wf.yaml:3:23: limits.maxInFlight: expected an integer of 1 or more but found '0'",
            "wf.yaml:6:14: jobs.prepare.command: expected a list of arguments like [python3,"
                + " train.py] but found 'sh prepare.sh'",
            "wf.yaml:12:15: jobs.train.resources.memory: expected a size like 8GiB or 500MiB but"
                + " found '8 gigs'",
            "wf.yaml:13:5: jobs.train.memroy: expected a job field (did you mean"
                + " 'resources.memory'?) but found 'memroy'",
            "wf.yaml:14:14: jobs.train.retries: expected a number of retries like 3, or a map like"
                + " {count: 3, backoff: {initial: 30s}} but found 'many'",
            "wf.yaml:17:20: jobs.merge.needs[1]: expected a job id or job[item] but found"
                + " 'train[1]'",
            "wf.yaml:19:3: final.cleanup: expected a map of job fields but found a list");
  }
}
