package io.fedflow.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkflowValidatorTest {

  static List<String> problems(Workflow wf) {
    return WorkflowValidator.problems(wf).stream().map(Problem::toString).toList();
  }

  static WorkflowBuilder hello() {
    return Workflow.named("hello").job("greet", j -> j.command("echo", "hello"));
  }

  @Test
  void findsNothingWrongWithAValidWorkflow() {
    Workflow wf =
        Workflow.named("higgs-ml.v2")
            .param("epochs", 20)
            .defaults(d -> d.memory("2GiB").env("LOG", "{{job.id}}.log"))
            .maxInFlight(100)
            .categoryLimit("io", 5)
            .job("prepare", j -> j.command("sh", "prepare.sh").category("io"))
            .job(
                "train",
                j ->
                    j.needs("prepare")
                        .forEach(new ForEach.Matrix(Map.of("lr", List.of("0.01", "0.1"))))
                        .command("python3", "train.py", "--lr", "{{item.lr}}")
                        .gpus(1, "A100"))
            .finalJob("cleanup", j -> j.script("rm -rf tmp"))
            .buildUnchecked();

    assertThat(problems(wf)).isEmpty();
  }

  @Test
  void checksTheWorkflowName() {
    assertThat(problems(Workflow.named("my flow").job("a", j -> j.command("x")).buildUnchecked()))
        .containsExactly(
            "name: expected a name of letters, digits, '.', '_' and '-', starting with a letter"
                + " or digit but found 'my flow'");
    assertThat(problems(Workflow.named("-x").job("a", j -> j.command("x")).buildUnchecked()))
        .hasSize(1);
  }

  @Test
  void checksParameterNames() {
    Workflow wf = hello().param("1shards", 3).param("ok_2", "x").buildUnchecked();

    assertThat(problems(wf))
        .containsExactly(
            "params.1shards: expected a parameter name (letters, digits and _, not starting with"
                + " a digit) but found '1shards'");
  }

  @Test
  void needsAtLeastOneJob() {
    assertThat(problems(Workflow.named("empty").buildUnchecked()))
        .containsExactly("jobs: expected at least one job but found none");
  }

  @Test
  void checksJobIds() {
    Workflow wf =
        Workflow.named("w")
            .job("1st", j -> j.command("x"))
            .job("a.b", j -> j.command("x"))
            .job("ok_1-b", j -> j.command("x"))
            .buildUnchecked();

    assertThat(problems(wf))
        .containsExactly(
            "jobs.1st: expected a job id of letters, digits, '_' and '-', starting with a letter"
                + " but found '1st'",
            "jobs: expected a job id of letters, digits, '_' and '-', starting with a letter"
                + " but found 'a.b'");
  }

  @Test
  void refusesTheSameJobIdTwiceAndAFinalJobWithAJobsId() {
    Workflow wf =
        hello()
            .job("greet", j -> j.command("echo", "again"))
            .finalJob("greet", j -> j.command("echo", "bye"))
            .buildUnchecked();

    assertThat(problems(wf))
        .containsExactly(
            "jobs.greet: expected a job id used by no other job but found 'greet'",
            "final.greet: expected a job id used by no other job but found 'greet'");
  }

  @Test
  void needsSomethingToRun() {
    Workflow wf =
        Workflow.named("w")
            .job("x", j -> j.env("A", "1"))
            .job("y", j -> j.command())
            .job("z", j -> j.command(" ", "arg"))
            .job("s", j -> j.script("  "))
            .job("f", j -> j.scriptFile(""))
            .buildUnchecked();

    assertThat(problems(wf))
        .containsExactly(
            "jobs.x: expected one of command, script or scriptFile but found none",
            "jobs.y.command: expected at least one argument but found none",
            "jobs.z.command[0]: expected a program to run but found ' '",
            "jobs.s.script: expected a script but found '  '",
            "jobs.f.scriptFile: expected a file path but found ''");
  }

  @Test
  void checksResources() {
    Workflow wf =
        Workflow.named("w")
            .job(
                "a",
                j ->
                    j.command("x")
                        .resources(
                            new Resources(
                                0, -1, null, new Size(0), new Size(0), Duration.ofSeconds(-90))))
            .job("b", j -> j.command("x").walltime(Duration.ZERO))
            .job("c", j -> j.command("x").gpus(0, "A100"))
            .job("d", j -> j.command("x").gpus(2, "A100"))
            .buildUnchecked();

    assertThat(problems(wf))
        .containsExactly(
            "jobs.a.resources.cpus: expected at least 1 but found '0'",
            "jobs.a.resources.gpus: expected at least 0 but found '-1'",
            "jobs.a.resources.memory: expected a size above 0 but found '0B'",
            "jobs.a.resources.disk: expected a size above 0 but found '0B'",
            "jobs.a.resources.walltime: expected a duration above 0 but found '-1m30s'",
            "jobs.b.resources.walltime: expected a duration above 0 but found '0s'",
            "jobs.c.resources.gpuModel: expected a gpuModel only with gpus of at least 1 but"
                + " found 'A100'");
  }

  @Test
  void checksAGpuModelWithTheGpusOfTheDefaults() {
    Workflow wf =
        Workflow.named("w")
            .defaults(d -> d.gpus(0, "V100"))
            .job("a", j -> j.command("x").gpus(1))
            .job("b", j -> j.command("x"))
            .job("c", j -> j.command("x"))
            .buildUnchecked();

    assertThat(problems(wf))
        .containsExactly(
            "defaults.resources.gpuModel: expected a gpuModel only with gpus of at least 1 but"
                + " found 'V100'");
  }

  @Test
  void checksLimits() {
    Workflow wf = hello().maxInFlight(0).categoryLimit("io", 0).buildUnchecked();

    assertThat(problems(wf))
        .containsExactly(
            "limits.maxInFlight: expected at least 1 but found '0'",
            "limits.categories.io: expected at least 1 but found '0'");
  }

  @Test
  void refusesASiteBothAllowedAndExcluded() {
    Workflow wf =
        Workflow.named("w")
            .defaults(d -> d.excludeSites("cineca"))
            .job("a", j -> j.command("x").sites("infn-t1", "cnaf").excludeSites("desy", "cnaf"))
            .job("b", j -> j.command("x").sites("infn-t1", "cineca"))
            .job("c", j -> j.command("x").sites("infn-t1"))
            .buildUnchecked();

    assertThat(problems(wf))
        .containsExactly(
            "jobs.a.placement.excludeSites[1]: expected a site not also in sites but found"
                + " 'cnaf'",
            "jobs.b.placement.sites[1]: expected a site not also in excludeSites but found"
                + " 'cineca'");
  }

  @Test
  void checksLabelAndEnvironmentKeys() {
    Workflow wf =
        Workflow.named("w")
            .defaults(d -> d.env("2X", "y"))
            .job("a", j -> j.command("x").label(" ", "v").env("OK_1", "v").env("BAD-NAME", "v"))
            .buildUnchecked();

    assertThat(problems(wf))
        .containsExactly(
            "defaults.env.2X: expected an environment variable name (letters, digits and _, not"
                + " starting with a digit) but found '2X'",
            "jobs.a.labels: expected a non-blank label key but found ' '",
            "jobs.a.env.BAD-NAME: expected an environment variable name (letters, digits and _,"
                + " not starting with a digit) but found 'BAD-NAME'");
  }

  @Test
  void checksTemplatesInEveryTemplatedField() {
    Workflow wf =
        Workflow.named("w")
            .param("epochs", 20)
            .job(
                "train",
                j ->
                    j.forEach(new ForEach.Matrix(Map.of("lr", List.of("0.01"))))
                        .command("python3", "train.py", "--lr", "{{item.rate}}")
                        .env("E", "{{ params.epochs }} {{params.epoch}}")
                        .workdir("/w/{{item}}")
                        .stdin("{{job.id")
                        .stdout("{{job.id}}.out")
                        .stderr("{{ }}")
                        .input("{{workflow.name}}/in", "{{item.lr}}")
                        .output("{{job.nam}}"))
            .job("s", j -> j.scriptFile("{{params.epochs}}.sh", "{{job.index}}", "{{item}}"))
            .buildUnchecked();

    String trainNames = "(params.epochs, item.lr, job.id, job.name, job.index, workflow.name)";
    assertThat(problems(wf))
        .containsExactly(
            "jobs.train.command[3]: expected a known template name "
                + trainNames
                + " but found '{{item.rate}}'",
            "jobs.train.env.E: expected a known template name "
                + trainNames
                + " but found '{{params.epoch}}'",
            "jobs.train.workdir: expected a known template name "
                + trainNames
                + " but found '{{item}}'",
            "jobs.train.stdin: expected a template closed by '}}' but found '{{job.id'",
            "jobs.train.stderr: expected a template name such as params.NAME or item but found"
                + " '{{ }}'",
            "jobs.train.outputs[0]: expected a known template name "
                + trainNames
                + " but found '{{job.nam}}'",
            "jobs.s.args[1]: expected a known template name (params.epochs, job.id, job.name,"
                + " job.index, workflow.name) but found '{{item}}'");
  }

  @Test
  void checksTheDefaultsTemplatesWithoutItem() {
    Workflow wf =
        hello().defaults(d -> d.workdir("/scratch/{{item}}").env("A", "{{x")).buildUnchecked();

    assertThat(problems(wf))
        .containsExactly(
            "defaults.env.A: expected a template closed by '}}' but found '{{x'",
            "defaults.workdir: expected a known template name (job.id, job.name, job.index,"
                + " workflow.name) but found '{{item}}'");
  }

  @Test
  void reportsEveryProblemAtOnceInWrittenOrder() {
    Workflow wf =
        Workflow.named("bad name")
            .maxInFlight(0)
            .job("a", j -> j.needs("nope").cpus(0))
            .job("b", j -> j.command("echo", "{{item}}").needs("a", "a"))
            .buildUnchecked();

    assertThat(problems(wf))
        .containsExactly(
            "name: expected a name of letters, digits, '.', '_' and '-', starting with a letter"
                + " or digit but found 'bad name'",
            "limits.maxInFlight: expected at least 1 but found '0'",
            "jobs.a: expected one of command, script or scriptFile but found none",
            "jobs.a.resources.cpus: expected at least 1 but found '0'",
            "jobs.a.needs[0]: expected the id of a job of this workflow but found 'nope'",
            "jobs.b.command[1]: expected a known template name (job.id, job.name, job.index,"
                + " workflow.name) but found '{{item}}'",
            "jobs.b.needs[1]: expected each job at most once but found 'a' again");
  }

  @Test
  void buildThrowsWithEveryProblem() {
    assertThatThrownBy(
            () -> Workflow.named("w").job("a", j -> j.needs("b")).job("b", j -> {}).build())
        .isInstanceOf(InvalidWorkflowException.class)
        .hasMessage(
            "2 problems:\n"
                + "jobs.a: expected one of command, script or scriptFile but found none\n"
                + "jobs.b: expected one of command, script or scriptFile but found none");
  }
}
