package io.fedflow.dag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Java DSL builds the records a user describes, and refuses what cannot be. */
class WorkflowBuilderTest {

  @Test
  void buildsTheWorkflowTheUserDescribes() {
    Workflow wf =
        Workflow.named("higgs-ml")
            .description("train and evaluate")
            .param("epochs", 20)
            .param("lr", 0.01)
            .maxInFlight(100)
            .categoryLimit("gpu", 4)
            .job("prepare", j -> j.command("sh", "prepare.sh").output("data.h5"))
            .job(
                "train",
                j ->
                    j.needs("prepare")
                        .script("#!/bin/sh\npython3 train.py --epochs {{params.epochs}}\n", "-v")
                        .input("data.h5")
                        .input("root://eos/x.root", "x.root")
                        .gpus(1, "A100")
                        .memory("32GiB")
                        .walltime("2h30m")
                        .retries(3)
                        .category("gpu")
                        .sites("cnaf")
                        .objective(Objective.ENERGY)
                        .deadline(new Deadline.At(Instant.parse("2026-12-01T08:00:00Z"))))
            .finalJob("cleanup", j -> j.command("rm", "-rf", "scratch"))
            .build();

    JobSpec prepare =
        new JobSpec(
            "prepare",
            null,
            Map.of(),
            new Program.Command(List.of("sh", "prepare.sh")),
            Map.of(),
            null,
            null,
            null,
            null,
            null,
            List.of(),
            List.of(new StagedFile("data.h5", "data.h5")),
            Resources.NONE,
            null,
            null,
            null,
            null,
            Placement.NONE,
            null,
            List.of());
    JobSpec train =
        new JobSpec(
            "train",
            null,
            Map.of(),
            new Program.InlineScript(
                "#!/bin/sh\npython3 train.py --epochs {{params.epochs}}\n", List.of("-v")),
            Map.of(),
            null,
            null,
            null,
            null,
            null,
            List.of(
                new StagedFile("data.h5", "data.h5"),
                new StagedFile("root://eos/x.root", "x.root")),
            List.of(),
            new Resources(null, 1, "A100", Size.ofGibibytes(32), null, Duration.ofMinutes(150)),
            null,
            new RetryPolicy(3, Duration.ofSeconds(30), 2, Duration.ofMinutes(10)),
            null,
            "gpu",
            new Placement(
                List.of("cnaf"),
                List.of(),
                Objective.ENERGY,
                new Deadline.At(Instant.parse("2026-12-01T08:00:00Z"))),
            null,
            List.of(new Dependency("prepare", false)));
    JobSpec cleanup = JobSpec.builder("cleanup").command(List.of("rm", "-rf", "scratch")).build();
    assertThat(wf)
        .isEqualTo(
            new Workflow(
                "higgs-ml",
                "train and evaluate",
                Map.of("epochs", "20", "lr", "0.01"),
                JobDefaults.NONE,
                new Limits(100, Map.of("gpu", 4)),
                List.of(prepare, train),
                cleanup));
  }

  @Test
  void fansOutInEveryForm() {
    Map<String, List<?>> axes = new LinkedHashMap<>();
    axes.put("lr", List.of(0.01, 0.1));
    axes.put("depth", List.of(4, 8));

    Workflow wf =
        Workflow.named("fan-out")
            .param("shards", 10)
            .job("fetch", j -> j.forEach("cern", "cnaf").command("fetch", "{{item}}"))
            .job("simulate", j -> j.forEachInRange("1", "{{params.shards}}").command("sim"))
            .job("reconstruct", j -> j.needsEach("simulate").command("reco", "{{item}}"))
            .job("train", j -> j.forEachMatrix(axes).command("train", "{{item.lr}}"))
            .job(
                "skim",
                j ->
                    j.forEachRecords(List.of(Map.of("year", 2018), Map.of("year", 2017)))
                        .needs("fetch", "train")
                        .command("skim", "{{item.year}}"))
            .build();

    assertThat(wf.jobs())
        .extracting(JobSpec::forEach)
        .containsExactly(
            new ForEach.Values(List.of("cern", "cnaf")),
            new ForEach.Range("1", "{{params.shards}}"),
            null,
            new ForEach.Matrix(Map.of("lr", List.of("0.01", "0.1"), "depth", List.of("4", "8"))),
            new ForEach.Records(List.of(Map.of("year", "2018"), Map.of("year", "2017"))));
    ForEach.Matrix matrix = (ForEach.Matrix) wf.job("train").orElseThrow().forEach();
    assertThat(matrix.axes().keySet()).containsExactly("lr", "depth");
    assertThat(wf.job("reconstruct").orElseThrow().needs())
        .containsExactly(Dependency.itemwise("simulate"));
    assertThat(wf.job("skim").orElseThrow().needs())
        .containsExactly(Dependency.on("fetch"), Dependency.on("train"));
  }

  @Test
  void defaultsTakeTheFieldsThatJobsShare() {
    Workflow wf =
        Workflow.named("w")
            .defaults(
                d ->
                    d.label("team", "cms")
                        .env("LANG", "C")
                        .memory("2GiB")
                        .retries(2)
                        .priority(5)
                        .category("cpu")
                        .excludeSites("test-cloud"))
            .job("a", j -> j.command("true"))
            .build();

    assertThat(wf.defaults())
        .isEqualTo(
            new JobDefaults(
                Map.of("team", "cms"),
                Map.of("LANG", "C"),
                null,
                null,
                new Resources(null, null, null, Size.ofGibibytes(2), null, null),
                RetryPolicy.times(2),
                5,
                "cpu",
                new Placement(List.of(), List.of("test-cloud"), null, null)));
  }

  @Test
  void defaultsRefuseWhatBelongsToEachJob() {
    String message =
        "defaults cannot set a command, script, forEach or needs: those belong to each job";
    assertThatThrownBy(() -> Workflow.named("w").defaults(d -> d.command("echo")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> Workflow.named("w").defaults(d -> d.forEach("a", "b")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
    assertThatThrownBy(() -> Workflow.named("w").defaults(d -> d.needs("a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void refusesABadSizeOrDurationWhereItIsWritten() {
    assertThatThrownBy(() -> JobSpec.builder("a").memory("8 gigs"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a size like 8GiB or 500MiB");
    assertThatThrownBy(() -> JobSpec.builder("a").walltime("2 hours"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a duration like 2h30m, 90s or 1d");
  }

  @Test
  void buildChecksTheWholeWorkflowAsTheReaderDoes() {
    assertThatThrownBy(
            () ->
                Workflow.named("w")
                    .job("reconstruct", j -> j.needsEach("simulate").command("reco"))
                    .finalJob("notify", j -> j.command("echo", "{{item}}"))
                    .build())
        .isInstanceOf(InvalidWorkflowException.class)
        .hasMessage(
            "2 problems:\n"
                + "jobs.reconstruct.needs[0]: expected the id of a job of this workflow but found"
                + " 'simulate'\n"
                + "final.notify.command[1]: expected a known template name (job.id, job.name,"
                + " job.index, workflow.name) but found '{{item}}'");
  }

  @Test
  void toBuilderChangesOnlyWhatIsSetAgain() {
    JobSpec spec = JobSpec.builder("train").command("python3", "train.py").cpus(4).build();

    JobSpec more = spec.toBuilder().memory("16GiB").build();

    assertThat(more.resources())
        .isEqualTo(new Resources(4, null, null, Size.ofGibibytes(16), null, null));
    assertThat(more.program()).isEqualTo(spec.program());
  }
}
