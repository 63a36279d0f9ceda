package io.fedflow.dag.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.fedflow.dag.Dependency;
import io.fedflow.dag.Size;
import io.fedflow.dag.Workflow;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Generated workflows are big: reading one must take seconds, never minutes. */
class BigWorkflowTest {
  private static final int JOBS = 50_000;

  private static String generated(int jobs, boolean broken) {
    StringBuilder text = new StringBuilder("version: 1\nname: big\njobs:\n");
    for (int i = 0; i < jobs; i++) {
      text.append("  job").append(i).append(":\n");
      text.append("    command: [sh, -c, \"echo ").append(i).append("\"]\n");
      if (i > 0) {
        text.append("    needs: job").append(i - 1).append('\n');
      }
      String memory = broken && i % 1000 == 999 ? "1 gig" : "1GiB";
      text.append("    resources: {cpus: 1, memory: ").append(memory).append(", walltime: 1h}\n");
    }
    return text.toString();
  }

  @Test
  void aWorkflowOfFiftyThousandJobsIsReadInSeconds() {
    String text = generated(JOBS, false);

    Workflow wf =
        assertTimeoutPreemptively(
            Duration.ofSeconds(60), () -> WorkflowYamlReader.read(text, "big.yaml"));

    assertThat(wf.jobs()).hasSize(JOBS);
    assertThat(wf.jobs().get(JOBS - 1).needs()).containsExactly(Dependency.on("job" + (JOBS - 2)));
    assertThat(wf.jobs().get(JOBS - 1).resources().memory()).isEqualTo(Size.ofGibibytes(1));
  }

  @Test
  void everyProblemOfABigWorkflowIsReportedInFileOrder() {
    String text = generated(20_000, true);

    List<String> errors =
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> Yaml.errors(text));

    assertThat(errors).hasSize(20);
    assertThat(errors.get(0))
        .isEqualTo(
            "wf.yaml:4002:34: jobs.job999.resources.memory: expected a size like 8GiB or 500MiB"
                + " but found '1 gig'");
  }
}
