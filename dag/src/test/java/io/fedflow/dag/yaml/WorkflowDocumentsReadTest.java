package io.fedflow.dag.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.dag.Program;
import io.fedflow.dag.Workflow;
import io.fedflow.dag.plan.JobInstance;
import io.fedflow.dag.plan.Plan;
import io.fedflow.dag.yaml.WorkflowDocuments.Document;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example and every workflow of the format doc reads and plans without error, and the two
 * large examples plan into the jobs their comments describe.
 */
class WorkflowDocumentsReadTest {

  static List<Document> documents() {
    return WorkflowDocuments.all();
  }

  private static Workflow read(Document doc) {
    return doc.name().startsWith("examples/")
        ? WorkflowYamlReader.read(doc.file())
        : WorkflowYamlReader.read(doc.text(), doc.name());
  }

  private static Plan plan(String example) {
    return Plan.of(WorkflowYamlReader.read(WorkflowDocuments.file("examples/" + example)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("documents")
  void readsAndPlansEveryExampleAndDocBlock(Document doc) {
    Plan plan = Plan.of(read(doc));
    assertThat(plan.instances()).hasSize((int) plan.instanceCount());
  }

  @Test
  void mlPipelineSweepsNineSettingsOneCategoryAtATime() {
    Plan plan = plan("ml-pipeline.yaml");
    assertThat(plan.jobs())
        .extracting(j -> j.id())
        .containsExactly("prepare", "sweep", "select", "train", "evaluate", "summary");
    assertThat(plan.job("sweep").size()).isEqualTo(9);
    assertThat(plan.job("sweep").instanceId(0)).isEqualTo("sweep[lr=0.5,degree=1]");
    assertThat(plan.job("sweep").instanceId(8)).isEqualTo("sweep[lr=8,degree=3]");
    assertThat(plan.workflow().limits().categories()).containsEntry("sweep", 4);
    assertThat(plan.job("summary").isFinal()).isTrue();
  }

  @Test
  void mlPipelineSweepInstanceRunsItsSettings() {
    JobInstance i = plan("ml-pipeline.yaml").job("sweep").instance(4);
    String body = ((Program.InlineScript) i.spec().program()).body();
    assertThat(i.id()).isEqualTo("sweep[lr=2,degree=2]");
    assertThat(body)
        .contains("-v lr=2 -v degree=2 -v epochs=300")
        .contains("out=work/sweep/lr2-degree2\n")
        .doesNotContain("{{");
    assertThat(i.spec().retryOrNone().count()).isEqualTo(2);
    assertThat(i.spec().resources().memory().toString()).isEqualTo("256MiB");
  }

  @Test
  void simulationRunsAHundredShardsReconstructedOneByOne() {
    Plan plan = plan("simulation.yaml");
    assertThat(plan.job("simulate").size()).isEqualTo(100);
    assertThat(plan.job("reconstruct").size()).isEqualTo(100);
    assertThat(plan.job("simulate").instanceId(6)).isEqualTo("simulate[007]");
    assertThat(plan.instanceCount()).isEqualTo(202);
    assertThat(plan.workflow().limits().maxInFlight()).isEqualTo(20);
    JobInstance seventh = plan.job("reconstruct").instance(6);
    assertThat(((Program.InlineScript) seventh.spec().program()).body())
        .contains("work/raw/shard-7.txt > work/hist/shard-7.txt");
  }

  @Test
  void simulationShardsFollowTheParameter() {
    Workflow wf = WorkflowYamlReader.read(WorkflowDocuments.file("examples/simulation.yaml"));
    Plan plan = Plan.of(wf, Map.of("shards", "10"));
    assertThat(plan.job("simulate").instanceId(0)).isEqualTo("simulate[01]");
    assertThat(plan.job("reconstruct").size()).isEqualTo(10);
  }

  @Test
  void everyFieldExampleRendersTheLiteralBracesAsTheDocSays() {
    Document doc =
        WorkflowDocuments.docBlocks().stream()
            .filter(d -> d.text().contains("name: dilepton-search"))
            .findFirst()
            .orElseThrow();
    JobInstance report = Plan.of(read(doc)).job("report").instance(0);
    assertThat(((Program.Command) report.spec().program()).argv())
        .containsExactly("sh", "-c", "echo \"report of dilepton-search: see {{results}}\"");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("io.fedflow.dag.yaml.WorkflowSchemaTest#mistakes")
  void theReaderRejectsWhatTheSchemaRejects(String what, String yaml) {
    assertThat(Yaml.errors(yaml)).isNotEmpty();
  }
}
