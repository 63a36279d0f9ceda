package io.fedflow.dag;

import static io.fedflow.dag.WorkflowValidatorTest.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NeedsValidationTest {

  private static WorkflowBuilder jobs(String... idsAndNeeds) {
    WorkflowBuilder b = Workflow.named("w");
    for (String spec : idsAndNeeds) {
      String[] parts = spec.split(":");
      String[] needs = parts.length > 1 ? parts[1].split(",") : new String[0];
      b.job(parts[0], j -> j.command("echo", parts[0]).needs(needs));
    }
    return b;
  }

  @Test
  void refusesAnUnknownJob() {
    Workflow wf =
        jobs("simulate", "reconstruct:simulate", "merge:simulate,reconstrct").buildUnchecked();

    assertThat(problems(wf))
        .containsExactly(
            "jobs.merge.needs[1]: expected the id of a job of this workflow but found"
                + " 'reconstrct'");
  }

  @Test
  void refusesNeedingTheFinalJobOrTheSameJobTwice() {
    Workflow wf =
        jobs("a", "b:a,cleanup")
            .job("c", j -> j.command("x").needs("a", "b").needsEach("a"))
            .finalJob("cleanup", j -> j.command("rm", "-rf", "tmp"))
            .buildUnchecked();

    assertThat(problems(wf))
        .containsExactly(
            "jobs.b.needs[1]: expected a job other than the final job but found 'cleanup'",
            "jobs.c.needs[2]: expected each job at most once but found 'a' again");
  }

  @Test
  void refusesAFinalJobWithNeedsOrForEach() {
    Workflow wf =
        jobs("a", "b")
            .finalJob("cleanup", j -> j.command("x").needs("a", "b").forEach("x", "y"))
            .buildUnchecked();

    assertThat(problems(wf))
        .containsExactly(
            "final.cleanup.forEach: expected no forEach for the final job but found one",
            "final.cleanup.needs: expected no needs for the final job but found 'a, b'");
  }

  @Test
  void namesEveryJobOfACycleFromTheFirstWritten() {
    Workflow wf = jobs("start", "b:c", "a:b,start", "c:a", "end:a").buildUnchecked();

    assertThat(problems(wf))
        .containsExactly("jobs.b.needs: expected no cycle but found the cycle b -> c -> a -> b");
  }

  @Test
  void reportsAJobNeedingItselfWhereItIsWritten() {
    Workflow wf = jobs("a", "b:a,b").buildUnchecked();

    assertThat(problems(wf))
        .containsExactly("jobs.b.needs[1]: expected no cycle but found the cycle b -> b");
  }

  @Test
  void reportsTwoDisjointCyclesEachOnce() {
    Workflow wf = jobs("x:y", "p:q", "y:x", "q:r", "r:p", "free:x").buildUnchecked();

    assertThat(problems(wf))
        .containsExactly(
            "jobs.x.needs: expected no cycle but found the cycle x -> y -> x",
            "jobs.p.needs: expected no cycle but found the cycle p -> q -> r -> p");
  }

  @Test
  void reportsEveryCycleOfATangleOnce() {
    Workflow wf = jobs("a:b,c", "b:a", "c:a").buildUnchecked();

    assertThat(problems(wf))
        .containsExactly(
            "jobs.a.needs: expected no cycle but found the cycle a -> b -> a",
            "jobs.a.needs: expected no cycle but found the cycle a -> c -> a");
  }

  @Test
  void capsTheCyclesOfADenseTangle() {
    WorkflowBuilder b = Workflow.named("w");
    String[] ids = {"a", "b", "c", "d", "e", "f"};
    for (String id : ids) {
      b.job(
          id,
          j ->
              j.command("x")
                  .needs(
                      java.util.Arrays.stream(ids)
                          .filter(o -> !o.equals(id))
                          .toArray(String[]::new)));
    }

    List<String> found = problems(b.buildUnchecked());

    assertThat(found).hasSize(CycleFinder.MAX_CYCLES + 1).doesNotHaveDuplicates();
    assertThat(found.get(CycleFinder.MAX_CYCLES))
        .isEqualTo("jobs: expected no cycle but found more cycles than the 10 listed");
  }

  @Test
  void findsACycleThroughAHugeComponentWithoutRecursing() {
    int n = 20_000;
    WorkflowBuilder b = Workflow.named("ring");
    for (int i = 0; i < n; i++) {
      String next = "j" + ((i + 1) % n);
      b.job("j" + i, j -> j.command("x").needs(next));
    }

    List<String> found = problems(b.buildUnchecked());

    assertThat(found).hasSize(1);
    assertThat(found.get(0))
        .startsWith("jobs.j0.needs: expected no cycle but found the cycle j0 -> j1 -> j2 -> ")
        .endsWith(" -> j19999 -> j0");
  }

  @Test
  void pairsItemWiseWithAFanOut() {
    Workflow wf =
        Workflow.named("w")
            .job("prepare", j -> j.command("x"))
            .job("simulate", j -> j.forEachInRange(0, 9).command("sim", "{{item}}"))
            .job("reconstruct", j -> j.needsEach("simulate").command("reco", "{{item}}"))
            .job("analyse", j -> j.needsEach("reconstruct").command("ana", "{{job.id}}"))
            .job("bad", j -> j.needsEach("prepare").command("x"))
            .buildUnchecked();

    assertThat(problems(wf))
        .containsExactly(
            "jobs.bad.needs[0]: expected a job with forEach to pair item by item but found"
                + " 'prepare'");
  }

  @Test
  void refusesPairingWithADifferentFanOut() {
    Workflow wf =
        Workflow.named("w")
            .param("n", 9)
            .job("simulate", j -> j.forEach(new ForEach.Range("0", "{{params.n}}")).command("x"))
            .job("same", j -> j.needsEach("simulate").forEachInRange(0, 9).command("x"))
            .job("other", j -> j.needsEach("simulate").forEachInRange(0, 10).command("x"))
            .job("fetch", j -> j.forEach("cern", "cnaf").command("x"))
            .job("both", j -> j.needsEach("simulate").needsEach("fetch").command("x"))
            .buildUnchecked();

    assertThat(problems(wf))
        .containsExactly(
            "jobs.other.forEach: expected the forEach of simulate (other needs simulate[item])"
                + " or none but found a different one",
            "jobs.both.needs[1]: expected a job with the same forEach as simulate but found"
                + " 'fetch'");
  }

  @Test
  void acceptsMatrixAndRecordFanOutsPairedItemWise() {
    Workflow wf =
        Workflow.named("w")
            .job(
                "train",
                j -> j.forEach(new ForEach.Matrix(Map.of("lr", List.of("0.1")))).command("x"))
            .job("evaluate", j -> j.needsEach("train").command("eval", "{{item.lr}}"))
            .buildUnchecked();

    assertThat(problems(wf)).isEmpty();
  }
}
