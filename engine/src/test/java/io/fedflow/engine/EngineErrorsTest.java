package io.fedflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fedflow.dag.Workflow;
import io.fedflow.engine.connector.AttemptOutput;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user is told, in one line, when the engine cannot do what was asked. */
class EngineErrorsTest {
  @TempDir Path home;

  private static Workflow one() {
    return Workflow.named("one").job("a", j -> j.command("true")).build();
  }

  @Test
  void anUnknownRunIsNamedWithTheHome() {
    try (Engine engine = Engine.open(EngineConfig.at(home))) {
      String message = "no run 'nope' in " + home + " (see 'fedflow runs')";
      assertThatThrownBy(() -> engine.follow("nope", p -> {})).hasMessage(message);
      assertThatThrownBy(() -> engine.cancel("nope")).hasMessage(message);
      assertThatThrownBy(() -> engine.jobs("nope")).hasMessage(message);
      RunAttempts attempts = engine.attempts();
      assertThatThrownBy(() -> attempts.logFile("nope", "a", 1, "stdout")).hasMessage(message);
      assertThatThrownBy(() -> attempts.of("nope", "a")).hasMessage(message);
      assertThatThrownBy(() -> attempts.usage("nope")).hasMessage(message);
      assertThatThrownBy(() -> attempts.siteOutput("nope", "a", 1, AttemptOutput.Stream.STDOUT))
          .hasMessage(message);
      assertThat(engine.run("nope")).isEmpty();
    }
  }

  @Test
  void aCorruptDatabaseIsReportedAndLeftAsItIs() throws Exception {
    Path file = home.resolve("fedflow.mv.db");
    byte[] garbage = "not a database at all\n".repeat(400).getBytes(StandardCharsets.UTF_8);
    Files.write(file, garbage);

    assertThatThrownBy(() -> Engine.open(EngineConfig.at(home)))
        .isInstanceOf(EngineException.class)
        .hasMessage(
            "database "
                + file
                + " is corrupt or not a fedflow database; it was left as it is: move it away to"
                + " start afresh, or restore a copy");
    assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
  }

  @Test
  void aMissingDatabaseBesideRecordedRunsIsNotReplacedByAnEmptyOne() throws Exception {
    try (Engine engine = Engine.open(EngineConfig.at(home))) {
      engine.submit(one(), null, Map.of());
    }
    Files.delete(home.resolve("fedflow.mv.db"));

    assertThatThrownBy(() -> Engine.open(EngineConfig.at(home)))
        .isInstanceOf(EngineException.class)
        .hasMessage(
            "database "
                + home.resolve("fedflow.mv.db")
                + " is missing but "
                + home.resolve("runs")
                + " holds runs: restore the database, or move that folder away to start afresh");
    assertThat(home.resolve("fedflow.mv.db")).doesNotExist();
  }

  @Test
  void aHomeThatIsAFileIsReported() throws Exception {
    Path file = home.resolve("home");
    Files.writeString(file, "a file");

    assertThatThrownBy(() -> Engine.open(EngineConfig.at(file)))
        .isInstanceOf(EngineException.class)
        .hasMessage("cannot use " + file + " as the engine's home: it is a file");
  }

  @Test
  void aNewHomeIsTheOwnersOnly() throws Exception {
    Path fresh = home.resolve("fresh");
    Engine.open(EngineConfig.at(fresh)).close();

    assertThat(Files.getPosixFilePermissions(fresh))
        .containsExactlyInAnyOrderElementsOf(
            java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
  }

  @Test
  void overridesThatMakeTheWorkflowInvalidRecordNoRun() {
    try (Engine engine = Engine.open(EngineConfig.at(home))) {
      assertThatThrownBy(() -> engine.submit(one(), null, Map.of("undeclared", "1")))
          .isInstanceOf(io.fedflow.dag.InvalidWorkflowException.class);
      assertThat(engine.runs()).isEmpty();
    }
  }
}
