package io.fedflow.connectors.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fedflow.dag.JobSpec;
import io.fedflow.dag.plan.JobInstance;
import io.fedflow.engine.connector.Submission;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher, run by this machine's real /bin/sh as slurmd would run it. */
class BatchScriptTest {
  @TempDir Path site;

  private ClusterPaths paths;

  private int run(JobSpec spec) throws Exception {
    JobInstance instance = new JobInstance(spec.id(), spec.id(), 0, Map.of(), spec);
    Submission s = new Submission("tok", "run-1", instance, 1, site, site);
    paths = ClusterPaths.of(site.toString(), s);
    Path script = site.resolve("launcher.sh");
    Files.writeString(script, BatchScript.of(spec.id(), spec, paths));
    Process p = new ProcessBuilder(List.of("/bin/sh", script.toString())).start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  private String attemptFile(String name) throws Exception {
    return Files.readString(Path.of(paths.attempt(), name), StandardCharsets.UTF_8);
  }

  @Test
  void argumentsReachTheProgramAsWrittenWithoutAShellReadingThem() throws Exception {
    JobSpec spec =
        JobSpec.builder("args")
            .command("printf", "[%s]", "it's", "$HOME", "a  b", "*", "`id`", "", "x\ny", "\\")
            .build();
    assertThat(run(spec)).isZero();
    assertThat(attemptFile("stdout")).isEqualTo("[it's][$HOME][a  b][*][`id`][][x\ny][\\]");
    assertThat(attemptFile("exit-code")).isEqualTo("0\n");
  }

  @Test
  void anInlineScriptHoldingTheHereDocumentsEndRunsWhole() throws Exception {
    JobSpec spec =
        JobSpec.builder("script")
            .script(
                "echo \"$1 $2\"\ncat <<FEDFLOW_SCRIPT_END\nin $HOME\nFEDFLOW_SCRIPT_END\nexit 7",
                "first arg",
                "'second'")
            .build();
    assertThat(run(spec)).isEqualTo(7);
    assertThat(attemptFile("stdout"))
        .isEqualTo("first arg 'second'\nin " + System.getenv("HOME") + "\n");
    assertThat(attemptFile("exit-code")).isEqualTo("7\n");
  }

  @Test
  void aJobsOwnStreamsAndWorkdirAreRelativeToTheRunsWorkFolder() throws Exception {
    JobSpec spec =
        JobSpec.builder("streams")
            .command("sh", "-c", "pwd; echo err >&2; exit 2")
            .workdir("sub dir")
            .stdout("both.log")
            .stderr("both.log")
            .build();
    assertThat(run(spec)).isEqualTo(2);
    Path work = site.resolve("run-1/work/sub dir");
    assertThat(Files.readString(work.resolve("both.log"))).isEqualTo(work + "\nerr\n");
    assertThat(attemptFile("exit-code")).isEqualTo("2\n");
  }
}
