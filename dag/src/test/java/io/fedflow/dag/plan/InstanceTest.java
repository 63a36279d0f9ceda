package io.fedflow.dag.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.dag.ForEach;
import io.fedflow.dag.JobSpec;
import io.fedflow.dag.Program;
import io.fedflow.dag.StagedFile;
import io.fedflow.dag.Workflow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class InstanceTest {

  private static PlannedJob job(ForEach f) {
    Workflow wf = Workflow.named("w").job("j", b -> b.forEach(f).command("x")).buildUnchecked();
    return Plan.of(wf).job("j");
  }

  private static List<String> ids(PlannedJob j) {
    return LongStream.range(0, j.size()).mapToObj(j::instanceId).toList();
  }

  @Test
  void padsARangeToItsWidestBound() {
    assertThat(job(ForEach.Range.of(0, 999)).instanceId(17)).isEqualTo("j[017]");
    assertThat(ids(job(ForEach.Range.of(0, 99)))).startsWith("j[00]", "j[01]").endsWith("j[99]");
    assertThat(ids(job(ForEach.Range.of(8, 10)))).containsExactly("j[08]", "j[09]", "j[10]");
    assertThat(job(ForEach.Range.of(5, 5)).instance(0).item()).isEqualTo(Map.of("item", "5"));
  }

  @Test
  void namesValueInstancesByValueWhenEveryValueIsAPlainWord() {
    assertThat(ids(job(new ForEach.Values(List.of("cern", "cnaf", "desy-1.0_x")))))
        .containsExactly("j[cern]", "j[cnaf]", "j[desy-1.0_x]");
    List<String> values = new java.util.ArrayList<>();
    for (int i = 0; i < 11; i++) {
      values.add(i == 3 ? "has space" : "v" + i);
    }
    PlannedJob j = job(new ForEach.Values(values));
    assertThat(j.instanceId(0)).isEqualTo("j[00]");
    assertThat(j.instanceId(10)).isEqualTo("j[10]");
    assertThat(j.instance(3).item()).isEqualTo(Map.of("item", "has space"));
  }

  @Test
  void namesRecordInstancesByTheirFields() {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("ds", "a");
    a.put("n", "1");
    Map<String, String> b = new LinkedHashMap<>();
    b.put("n", "2");
    b.put("ds", "b");
    PlannedJob j = job(new ForEach.Records(List.of(a, b)));

    assertThat(ids(j)).containsExactly("j[ds=a,n=1]", "j[ds=b,n=2]");
    assertThat(j.instance(1).item()).isEqualTo(Map.of("ds", "b", "n", "2"));

    PlannedJob odd =
        job(new ForEach.Records(List.of(Map.of("path", "/data/a"), Map.of("path", "b"))));
    assertThat(ids(odd)).containsExactly("j[0]", "j[1]");
  }

  @Test
  void variesTheLastMatrixKeyFastest() {
    Map<String, List<String>> axes = new LinkedHashMap<>();
    axes.put("lr", List.of("0.01", "0.1"));
    axes.put("depth", List.of("4", "8", "16"));
    PlannedJob j = job(new ForEach.Matrix(axes));

    assertThat(ids(j))
        .containsExactly(
            "j[lr=0.01,depth=4]",
            "j[lr=0.01,depth=8]",
            "j[lr=0.01,depth=16]",
            "j[lr=0.1,depth=4]",
            "j[lr=0.1,depth=8]",
            "j[lr=0.1,depth=16]");
    assertThat(j.instance(4).item())
        .containsExactly(Map.entry("lr", "0.1"), Map.entry("depth", "8"));

    axes.put("opt", List.of("adam", "sgd w/ momentum"));
    assertThat(job(new ForEach.Matrix(axes)).instanceId(11)).isEqualTo("j[11]");
  }

  @Test
  void givesAJobWithoutFanOutOneInstanceNamedAfterIt() {
    Workflow wf =
        Workflow.named("w").job("solo", b -> b.command("x", "{{job.index}}")).buildUnchecked();
    PlannedJob solo = Plan.of(wf).job("solo");

    assertThat(solo.size()).isEqualTo(1);
    assertThat(solo.fansOut()).isFalse();
    JobInstance only = solo.instance(0);
    assertThat(only.id()).isEqualTo("solo");
    assertThat(only.item()).isEmpty();
    assertThat(only.spec().program()).isEqualTo(new Program.Command(List.of("x", "0")));
  }

  @Test
  void rendersEveryTemplatedField() {
    Workflow wf =
        Workflow.named("higgs")
            .param("out", "/store")
            .job("prep", b -> b.command("x"))
            .job(
                "train",
                b ->
                    b.needs("prep")
                        .forEach(new ForEach.Matrix(Map.of("lr", List.of("0.01", "0.1"))))
                        .script("echo {{\"{{\"}}not a name}} {{item.lr}}", "--index={{job.index}}")
                        .env("RUN", "{{workflow.name}}/{{job.name}}")
                        .workdir("/scratch/{{job.id}}")
                        .stdin("in-{{item.lr}}")
                        .stdout("out-{{item.lr}}")
                        .stderr("err-{{item.lr}}")
                        .input("{{params.out}}/data-{{item.lr}}.root", "data.root")
                        .output("model.pt", "{{params.out}}/model-{{item.lr}}.pt"))
            .buildUnchecked();

    JobSpec s = Plan.of(wf).job("train").instance(1).spec();

    assertThat(s.program())
        .isEqualTo(new Program.InlineScript("echo {{not a name}} 0.1", List.of("--index=1")));
    assertThat(s.env()).containsExactly(Map.entry("RUN", "higgs/train"));
    assertThat(s.workdir()).isEqualTo("/scratch/train[lr=0.1]");
    assertThat(List.of(s.stdin(), s.stdout(), s.stderr()))
        .containsExactly("in-0.1", "out-0.1", "err-0.1");
    assertThat(s.inputs()).containsExactly(new StagedFile("/store/data-0.1.root", "data.root"));
    assertThat(s.outputs()).containsExactly(new StagedFile("model.pt", "/store/model-0.1.pt"));
    assertThat(s.forEach()).isNull();
    assertThat(s.needs()).extracting(Object::toString).containsExactly("prep");
  }

  @Test
  void rendersAScriptFileAndItsArguments() {
    Workflow wf =
        Workflow.named("w")
            .job("f", b -> b.forEach("a", "b").scriptFile("run-{{item}}.sh", "{{job.id}}"))
            .buildUnchecked();

    assertThat(Plan.of(wf).job("f").instance(0).spec().program())
        .isEqualTo(new Program.ScriptFile("run-a.sh", List.of("f[a]")));
  }
}
