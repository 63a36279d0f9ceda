package io.fedflow.dag.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedflow.dag.ForEach;
import io.fedflow.dag.InvalidWorkflowException;
import io.fedflow.dag.Size;
import io.fedflow.dag.Workflow;
import io.fedflow.dag.WorkflowBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlanTest {

  private static Workflow fanOutIntoMerge() {
    return Workflow.named("campaign")
        .param("shards", 999_999)
        .param("events", 1000)
        .job(
            "simulate",
            j ->
                j.forEach(new ForEach.Range("0", "{{ params.shards }}"))
                    .command("sim", "--seed", "{{item}}", "--events", "{{params.events}}")
                    .stdout("{{job.id}}.out"))
        .job("merge", j -> j.needs("simulate").command("hadd", "all.root"))
        .buildUnchecked();
  }

  @Test
  void plansAMillionInstanceFanOutAsTwoVerticesAndOneEdge() {
    Plan plan = Plan.of(fanOutIntoMerge());

    assertThat(plan.graph().vertexSet())
        .extracting(PlannedJob::id)
        .containsExactly("simulate", "merge");
    assertThat(plan.graph().edgeSet()).containsExactly(new JobEdge("simulate", "merge", false));
    assertThat(plan.instanceCount()).isEqualTo(1_000_001);

    JobInstance last = plan.job("simulate").instance(999_999);
    assertThat(last.id()).isEqualTo("simulate[999999]");
    assertThat(last.index()).isEqualTo(999_999);
    assertThat(last.item()).isEqualTo(Map.of("item", "999999"));
    assertThat(last.spec().program())
        .isEqualTo(
            new io.fedflow.dag.Program.Command(
                List.of("sim", "--seed", "999999", "--events", "1000")));
    assertThat(last.spec().stdout()).isEqualTo("simulate[999999].out");
    assertThat(last.spec().forEach()).isNull();
    assertThat(plan.job("simulate").instanceId(17)).isEqualTo("simulate[000017]");
  }

  @Test
  void describesWhatAnInstanceWaitsForWithoutListingInstances() {
    Plan plan = Plan.of(fanOutIntoMerge());
    PlannedJob merge = plan.job("merge");

    assertThat(merge.awaited(0)).hasToString("[all of simulate (1000000)]");
    assertThat(plan.upstream(merge)).containsExactly(plan.job("simulate"));
    assertThat(plan.downstream(plan.job("simulate"))).containsExactly(merge);
    assertThat(plan.job("simulate").awaited(5)).isEmpty();
  }

  @Test
  void overridesResizeARange() {
    Plan plan = Plan.of(fanOutIntoMerge(), Map.of("shards", "9"));

    assertThat(plan.params()).containsEntry("shards", "9").containsEntry("events", "1000");
    assertThat(plan.job("simulate").size()).isEqualTo(10);
    assertThat(plan.instances().map(JobInstance::id))
        .containsExactly(
            "simulate[0]",
            "simulate[1]",
            "simulate[2]",
            "simulate[3]",
            "simulate[4]",
            "simulate[5]",
            "simulate[6]",
            "simulate[7]",
            "simulate[8]",
            "simulate[9]",
            "merge");
  }

  @Test
  void refusesAnOverrideOfAnUndeclaredParameterAndABadBound() {
    Map<String, String> overrides = new java.util.LinkedHashMap<>();
    overrides.put("shards", "many");
    overrides.put("foo", "1");

    assertThatThrownBy(() -> Plan.of(fanOutIntoMerge(), overrides))
        .isInstanceOfSatisfying(
            InvalidWorkflowException.class,
            e ->
                assertThat(e.problems())
                    .extracting(Object::toString)
                    .containsExactly(
                        "params.foo: expected a declared parameter (shards, events) but found 'foo'",
                        "jobs.simulate.forEach.range.to: expected an integer in params.shards"
                            + " but found 'many'"));
  }

  @Test
  void ordersJobsUpstreamFirstThenAsWrittenWithTheFinalJobLast() {
    Workflow wf =
        Workflow.named("w")
            .job("report", j -> j.needs("analyse", "fetch").command("x"))
            .job("analyse", j -> j.needs("fetch").command("x"))
            .job("fetch", j -> j.command("x"))
            .job("notes", j -> j.command("x"))
            .finalJob("cleanup", j -> j.command("rm"))
            .buildUnchecked();

    Plan plan = Plan.of(wf);

    assertThat(plan.jobs())
        .extracting(PlannedJob::id)
        .containsExactly("fetch", "analyse", "report", "notes", "cleanup");
    assertThat(plan.finalJob()).contains(plan.job("cleanup"));
    assertThat(plan.job("cleanup").isFinal()).isTrue();
    assertThat(plan.graph().degreeOf(plan.job("cleanup"))).isZero();
    assertThat(plan.graph().edgeSet()).hasSize(3);
    assertThatThrownBy(() -> plan.job("nope")).hasMessage("workflow w has no job 'nope'");
  }

  @Test
  void pairsChainsItemByItemAndFansIn() {
    Workflow wf =
        Workflow.named("w")
            .job("simulate", j -> j.forEachInRange(0, 99).command("sim", "{{item}}"))
            .job("reconstruct", j -> j.needsEach("simulate").command("reco", "{{job.id}}"))
            .job("analyse", j -> j.needsEach("reconstruct").command("ana", "{{item}}"))
            .job("merge", j -> j.needs("analyse").command("merge"))
            .buildUnchecked();

    Plan plan = Plan.of(wf);
    PlannedJob reconstruct = plan.job("reconstruct");

    assertThat(reconstruct.size()).isEqualTo(100);
    assertThat(reconstruct.spec().forEach()).isEqualTo(ForEach.Range.of(0, 99));
    assertThat(reconstruct.instance(7).spec().program())
        .isEqualTo(new io.fedflow.dag.Program.Command(List.of("reco", "reconstruct[07]")));
    assertThat(reconstruct.awaited(7)).hasToString("[simulate[07]]");
    assertThat(plan.job("analyse").awaited(42)).hasToString("[reconstruct[42]]");
    assertThat(plan.job("analyse").instance(42).item()).isEqualTo(Map.of("item", "42"));
    assertThat(plan.job("merge").awaited(0)).hasToString("[all of analyse (100)]");
    assertThat(plan.graph().edgeSet())
        .containsExactly(
            new JobEdge("simulate", "reconstruct", true),
            new JobEdge("reconstruct", "analyse", true),
            new JobEdge("analyse", "merge", false));
    assertThat(plan.instanceCount()).isEqualTo(301);
  }

  @Test
  void appliesDefaults() {
    Workflow wf =
        Workflow.named("w")
            .defaults(
                d ->
                    d.memory("2GiB")
                        .cpus(2)
                        .env("LOG", "{{workflow.name}}-{{job.id}}.log")
                        .env("MODE", "default")
                        .retries(2))
            .job("a", j -> j.forEach("cern", "cnaf").cpus(8).env("MODE", "{{item}}").command("x"))
            .buildUnchecked();

    PlannedJob a = Plan.of(wf).job("a");
    JobInstance cnaf = a.instance(1);

    assertThat(a.spec().resources().memory()).isEqualTo(Size.ofGibibytes(2));
    assertThat(a.spec().resources().cpus()).isEqualTo(8);
    assertThat(a.spec().retry().count()).isEqualTo(2);
    assertThat(cnaf.id()).isEqualTo("a[cnaf]");
    assertThat(cnaf.spec().env())
        .containsExactly(Map.entry("LOG", "w-a[cnaf].log"), Map.entry("MODE", "cnaf"));
  }

  @Test
  void plansAHundredThousandJobsInChainsAndDiamonds() {
    WorkflowBuilder b = Workflow.named("big");
    b.job("j0", j -> j.forEachInRange(0, 3).command("x", "{{item}}"));
    b.job("j1", j -> j.needsEach("j0").command("x", "{{item}}"));
    for (int i = 2; i < 100_000; i++) {
      String prev = "j" + (i - 1);
      String before = "j" + (i - 2);
      b.job("j" + i, j -> j.needsEach(prev).needs(before).command("x", "{{job.id}}"));
    }

    Plan plan = Plan.of(b.buildUnchecked());

    assertThat(plan.graph().vertexSet()).hasSize(100_000);
    assertThat(plan.graph().edgeSet()).hasSize(2 * 100_000 - 3);
    assertThat(plan.jobs().get(99_999).id()).isEqualTo("j99999");
    assertThat(plan.job("j99999").instance(3).spec().program())
        .isEqualTo(new io.fedflow.dag.Program.Command(List.of("x", "j99999[3]")));
    assertThat(plan.job("j99999").awaited(3)).hasToString("[j99998[3], all of j99997 (4)]");
  }

  @Test
  void streamsInstancesLazily() {
    Workflow wf =
        Workflow.named("w")
            .job(
                "big",
                j -> j.forEach(ForEach.Range.of(0, Long.MAX_VALUE - 1)).command("x", "{{item}}"))
            .buildUnchecked();

    Plan plan = Plan.of(wf);

    assertThat(plan.instanceCount()).isEqualTo(Long.MAX_VALUE);
    assertThat(plan.instances().skip(1).limit(2).map(JobInstance::id))
        .containsExactly("big[0000000000000000001]", "big[0000000000000000002]");
  }
}
