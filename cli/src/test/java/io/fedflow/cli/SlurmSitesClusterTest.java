package io.fedflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code fedflow run examples/diamond.yaml --sites <the lab's sites file>} on each cluster that
 * {@code scripts/local-slurm.sh} runs, with the one-site files it writes ({@code sites-22.yaml},
 * {@code sites-24.yaml}). Skipped with the reason when the lab or the cluster is not there, failed
 * instead when {@code FEDFLOW_REQUIRE_SLURM=1}.
 */
@Tag("slurm-cluster")
@Timeout(300)
class SlurmSitesClusterTest {
  private static final Pattern EXPORT = Pattern.compile("^export ([A-Z0-9_]+)='([^']*)'$");
  private static final Pattern STARTED =
      Pattern.compile("^run (\\d{8}-\\d{6}-[0-9a-f]{4}) ", Pattern.MULTILINE);

  @TempDir Path home;

  @ParameterizedTest(name = "Slurm {0}")
  @ValueSource(strings = {"22", "24"})
  void theDiamondRunsToSucceededThroughTheCliOnTheLabsSitesFile(String cluster) throws IOException {
    Map<String, String> lab = lab(cluster);
    Path sites = Path.of(lab.get("FEDFLOW_SLURM_LAB"), "sites-" + cluster + ".yaml");

    Cli r =
        Cli.run(
            "run",
            "--plain",
            Cli.example("diamond.yaml"),
            "--sites",
            sites.toString(),
            "--home",
            home.toString());

    assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    Matcher m = STARTED.matcher(r.out());
    assertThat(m.find()).isTrue();
    String id = m.group(1);
    assertThat(r.out()).contains("run " + id + " (diamond) succeeded after ");
    Cli status = Cli.run("status", id, "--home", home.toString());
    assertThat(status.out()).containsPattern("\njoin +succeeded +lab" + cluster + " +1 ");
    String p = "FEDFLOW_SLURM" + cluster + "_";
    Path run = Path.of(lab.get(p + "ROOT") + lab.get(p + "WORKDIR"), id);
    assertThat(Files.readString(run.resolve("attempts/join/1/stdout")))
        .isEqualTo("FEDERATED federated\nWORKFLOWS workflows\n");
    try (Stream<Path> files = Files.walk(run)) {
      for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(f);
      }
    }
  }

  /** The lab's exports, once the cluster is known to run and answer; else skipped or failed. */
  private static Map<String, String> lab(String cluster) {
    String dir = System.getenv().getOrDefault("FEDFLOW_SLURM_LAB", "/var/lib/fedflow-slurm-lab");
    Path file = Path.of(dir, "env");
    Map<String, String> env = new HashMap<>();
    try {
      for (String line : Files.readAllLines(file)) {
        Matcher m = EXPORT.matcher(line);
        if (m.matches()) {
          env.put(m.group(1), m.group(2));
        }
      }
    } catch (IOException e) {
      unavailable(
          file + " cannot be read (" + e + "): start the lab, scripts/local-slurm.sh start");
    }
    List<String> running = List.of(env.getOrDefault("FEDFLOW_SLURM_CLUSTERS", "").split(" "));
    if (!running.contains(cluster)) {
      unavailable("Slurm cluster " + cluster + " is not running according to " + file);
    }
    if (!Files.isRegularFile(Path.of(dir, "sites-" + cluster + ".yaml"))) {
      unavailable("no sites-" + cluster + ".yaml in " + dir + ": scripts/local-slurm.sh env");
    }
    String url = env.get("FEDFLOW_SLURM" + cluster + "_URL");
    try {
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(3))
          .build()
          .send(
              HttpRequest.newBuilder(URI.create(url + "/openapi/v3"))
                  .timeout(Duration.ofSeconds(5))
                  .build(),
              HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      unavailable("slurmrestd at " + url + " does not answer: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      unavailable("interrupted");
    }
    env.putIfAbsent("FEDFLOW_SLURM_LAB", dir);
    return env;
  }

  private static void unavailable(String reason) {
    String message = "SKIPPING Slurm integration test: " + reason;
    if ("1".equals(System.getenv("FEDFLOW_REQUIRE_SLURM"))) {
      fail("FEDFLOW_REQUIRE_SLURM=1 but " + reason);
    }
    System.err.println(message);
    assumeTrue(false, message);
  }
}
