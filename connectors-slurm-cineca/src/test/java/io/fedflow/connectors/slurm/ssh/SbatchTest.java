package io.fedflow.connectors.slurm.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedflow.connectors.slurm.rest.JobRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SbatchTest {
  private static JobRequest request(Map<String, String> env, String script) {
    return new JobRequest(
        "run1.7",
        "simulate[017] it's $x",
        script,
        null,
        env,
        "/work/my jobs",
        null,
        "/dev/null",
        "/dev/null",
        4,
        2,
        "a100",
        2048L,
        30,
        "boost_usr_prod",
        "IscrB_x",
        "boost_qos_dbg",
        null);
  }

  @Test
  void everyFieldIsOneFlagWord() {
    assertThat(Sbatch.argv(request(Map.of(), "#!/bin/sh\ntrue\n")))
        .containsExactly(
            "sbatch",
            "--parsable",
            "--job-name=run1.7",
            "--comment=simulate[017] it's $x",
            "--chdir=/work/my jobs",
            "--output=/dev/null",
            "--error=/dev/null",
            "--ntasks=1",
            "--cpus-per-task=4",
            "--gres=gpu:a100:2",
            "--mem=2048M",
            "--time=30",
            "--partition=boost_usr_prod",
            "--account=IscrB_x",
            "--qos=boost_qos_dbg",
            "--export=NONE");
  }

  @Test
  void unsetFieldsAreLeftToTheCluster() {
    JobRequest r =
        new JobRequest(
            "t",
            null,
            "#!/bin/sh\n",
            null,
            null,
            "/w",
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    assertThat(Sbatch.argv(r))
        .containsExactly(
            "sbatch", "--parsable", "--job-name=t", "--chdir=/w", "--ntasks=1", "--export=NONE");
  }

  @Test
  void theScriptExportsTheEnvironmentAfterItsShebang(@TempDir Path dir) throws Exception {
    String value = "it's \"quoted\" $HOME `id` *\nsecond line";
    String script =
        Sbatch.script(
            request(
                Map.of("PATH", "/site/bin:/usr/bin:/bin", "GREETING", value, "EMPTY", ""),
                "#!/bin/sh\nprintf '%s|%s|%s' \"$PATH\" \"$GREETING\" \"${EMPTY-unset}\"\n"));
    assertThat(script).startsWith("#!/bin/sh\n# fedflow: the job's environment");
    Path file = dir.resolve("job.sh");
    Files.writeString(file, script);
    Process p = new ProcessBuilder("/bin/sh", file.toString()).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).isZero();
    assertThat(out).isEqualTo("/site/bin:/usr/bin:/bin|" + value + "|");
  }

  @Test
  void aNameNoShellCanExportIsRefused() {
    assertThatThrownBy(() -> Sbatch.script(request(Map.of("A-B", "x"), "#!/bin/sh\n")))
        .hasMessage("environment variable 'A-B': a shell cannot export this name");
  }

  @Test
  void aScriptWithoutShebangGetsOne() {
    assertThat(Sbatch.script(request(Map.of(), "true\n")))
        .startsWith("#!/bin/sh\n#")
        .endsWith("\ntrue\n");
  }
}
