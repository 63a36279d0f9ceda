package io.fedflow.dag.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.dag.Workflow;
import io.fedflow.dag.WorkflowValidator;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A workflow built in Java can be written out as YAML and read back equal; and what the writer
 * writes, it writes again the same once read back.
 */
class WorkflowRoundTripTest {

  @Provide
  Arbitrary<Workflow> workflows() {
    return WorkflowArbitraries.workflows();
  }

  @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
  void aWorkflowWrittenAndReadBackIsEqual(@ForAll("workflows") Workflow wf) {
    assertThat(WorkflowValidator.problems(wf)).as("problems of the generated workflow").isEmpty();
    String yaml = WorkflowYamlWriter.write(wf);

    Workflow back = WorkflowYamlReader.read(yaml, "gen.yaml");

    assertThat(back).as(yaml).isEqualTo(wf);
    assertThat(WorkflowYamlWriter.write(back)).isEqualTo(yaml);
  }
}
