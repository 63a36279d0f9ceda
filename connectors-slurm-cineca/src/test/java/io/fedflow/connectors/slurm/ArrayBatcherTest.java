package io.fedflow.connectors.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.fedflow.dag.JobSpec;
import io.fedflow.dag.plan.JobInstance;
import io.fedflow.engine.connector.ConnectorException;
import io.fedflow.engine.connector.SiteConfig;
import io.fedflow.engine.connector.Submission;
import io.fedflow.engine.connector.SubmitAnswer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which attempts share a job array, and the array's launcher run by this machine's /bin/sh. */
class ArrayBatcherTest {
  @TempDir Path site;

  private SlurmSettings settings(String... extra) throws ConnectorException {
    Map<String, String> s = new HashMap<>();
    s.put("url", "http://127.0.0.1:6820");
    s.put("user", "fedflow-user");
    s.put("token", "env:SLURM_JWT");
    s.put("workdir", site.toString());
    for (String kv : extra) {
      String[] p = kv.split("=", 2);
      s.put(p[0], p[1]);
    }
    return SlurmSettings.of(new SiteConfig("lab", "slurm", s), Clock.systemUTC(), n -> "x.y.z");
  }

  private static Submission attempt(String token, JobSpec spec, String job, int index) {
    JobInstance instance = new JobInstance(job + "[" + index + "]", job, index, Map.of(), spec);
    return new Submission(token, "run-1", instance, 1, Path.of("/unused"), Path.of("/unused"));
  }

  private static List<Submission> fanOut(String job, int from, int to, JobSpec spec) {
    List<Submission> all = new ArrayList<>();
    for (int n = from; n <= to; n++) {
      all.add(attempt("run-1." + n, spec, job, n));
    }
    return all;
  }

  private static JobSpec echo(String job) {
    return JobSpec.builder(job).command("echo", "hi").build();
  }

  private List<ArrayBatcher.Batch> batches(List<Submission> all, String... settings)
      throws ConnectorException {
    Map<String, SubmitAnswer> refused = new LinkedHashMap<>();
    List<ArrayBatcher.Batch> batches = ArrayBatcher.of(all, settings(settings), refused);
    assertThat(refused).isEmpty();
    return batches;
  }

  @Test
  void fiftyAttemptsOfOneJobAreOneArrayNamedByTheLowestToken() throws Exception {
    List<ArrayBatcher.Batch> batches = batches(fanOut("sim", 1, 50, echo("sim")));

    assertThat(batches).hasSize(1);
    ArrayBatcher.Batch b = batches.get(0);
    assertThat(b.isArray()).isTrue();
    assertThat(b.members()).hasSize(50);
    assertThat(b.request().name()).isEqualTo("run-1.1");
    assertThat(b.request().array()).isEqualTo("0-49");
    assertThat(b.request().comment()).isEqualTo("sim: 50 attempts");
  }

  @Test
  void taskIdsFollowTheTokensSkippingThoseOfOtherJobs() throws Exception {
    List<Submission> all = new ArrayList<>();
    all.add(attempt("run-1.7", echo("sim"), "sim", 7));
    all.add(attempt("run-1.3", echo("sim"), "sim", 3));
    all.add(attempt("run-1.4", echo("sim"), "sim", 4));
    all.add(attempt("run-1.5", echo("other"), "other", 1));

    assertThat(batches(all))
        .extracting(b -> b.request().name(), b -> b.request().array(), ArrayBatcher.Batch::base)
        .containsExactly(tuple("run-1.3", "0-1,4", 3L), tuple("run-1.5", null, -1L));
  }

  @Test
  void attemptsAskingForOtherResourcesOrOfOtherJobsGoApart() throws Exception {
    List<Submission> all = new ArrayList<>();
    all.addAll(fanOut("sim", 1, 3, echo("sim")));
    all.addAll(fanOut("sim", 4, 6, JobSpec.builder("sim").command("echo", "hi").cpus(2).build()));
    all.addAll(fanOut("fit", 7, 9, echo("fit")));

    assertThat(batches(all))
        .extracting(b -> b.request().name(), b -> b.request().array(), b -> b.request().cpus())
        .containsExactly(
            tuple("run-1.1", "0-2", null),
            tuple("run-1.4", "0-2", 2),
            tuple("run-1.7", "0-2", null));
  }

  @Test
  void noTaskIdReachesMaxArraySize() throws Exception {
    assertThat(batches(fanOut("sim", 1, 10, echo("sim")), "maxArraySize=4"))
        .extracting(b -> b.request().name(), b -> b.request().array())
        .containsExactly(tuple("run-1.1", "0-3"), tuple("run-1.5", "0-3"), tuple("run-1.9", "0-1"));
  }

  @Test
  void aLoneAttemptOrArraysOffOrAForeignTokenMakePlainJobs() throws Exception {
    assertThat(batches(fanOut("sim", 1, 1, echo("sim"))))
        .extracting(b -> b.request().name(), b -> b.request().array(), ArrayBatcher.Batch::isArray)
        .containsExactly(tuple("run-1.1", null, false));
    assertThat(batches(fanOut("sim", 1, 3, echo("sim")), "arrays=false"))
        .extracting(b -> b.request().name(), b -> b.request().array())
        .containsExactly(tuple("run-1.1", null), tuple("run-1.2", null), tuple("run-1.3", null));
    List<Submission> foreign =
        List.of(attempt("tok-a", echo("sim"), "sim", 1), attempt("tok-b", echo("sim"), "sim", 2));
    assertThat(batches(foreign)).extracting(b -> b.request().array()).containsExactly(null, null);
  }

  @Test
  void eachTaskRunsExactlyItsOwnAttempt() throws Exception {
    List<Submission> all = new ArrayList<>();
    all.add(
        attempt(
            "run-1.1",
            JobSpec.builder("sim")
                .command("printf", "[%s]", "it's", "$HOME", "a  b", "`id`")
                .build(),
            "sim",
            1));
    all.add(
        attempt(
            "run-1.2",
            JobSpec.builder("sim").command("printf", "[%s]", "*", "", "x\ny", "\\").build(),
            "sim",
            2));
    all.add(
        attempt(
            "run-1.4",
            JobSpec.builder("sim").command("sh", "-c", "echo \"$0\"; exit 3", "esac ;;").build(),
            "sim",
            4));
    ArrayBatcher.Batch b = batches(all).get(0);
    assertThat(b.request().array()).isEqualTo("0-1,3");
    Path launcher = site.resolve("launcher.sh");
    Files.writeString(launcher, b.request().script());

    assertThat(run(launcher, "0")).isZero();
    assertThat(run(launcher, "1")).isZero();
    assertThat(run(launcher, "3")).isEqualTo(3);
    assertThat(run(launcher, "2")).isEqualTo(ArrayLauncher.NO_ATTEMPT);

    Path attempts = site.resolve("run-1/attempts");
    assertThat(read(attempts.resolve("sim[1]/1/stdout"))).isEqualTo("[it's][$HOME][a  b][`id`]");
    assertThat(read(attempts.resolve("sim[2]/1/stdout"))).isEqualTo("[*][][x\ny][\\]");
    assertThat(read(attempts.resolve("sim[4]/1/stdout"))).isEqualTo("esac ;;\n");
    assertThat(read(attempts.resolve("sim[1]/1/exit-code"))).isEqualTo("0\n");
    assertThat(read(attempts.resolve("sim[4]/1/exit-code"))).isEqualTo("3\n");
    assertThat(attempts.resolve("sim[3]")).doesNotExist();
  }

  private static int run(Path launcher, String task) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(List.of("/bin/sh", launcher.toString()));
    pb.environment().put("SLURM_ARRAY_TASK_ID", task);
    pb.redirectError(ProcessBuilder.Redirect.DISCARD);
    Process p = pb.start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }

  private static String read(Path file) throws Exception {
    return Files.readString(file, StandardCharsets.UTF_8);
  }
}
