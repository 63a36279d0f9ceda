package io.fedflow.cli;

import io.fedflow.engine.Engine;
import io.fedflow.engine.EngineConfig;
import io.fedflow.engine.EngineException;
import io.fedflow.engine.RunRecord;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --home DIR}: where the engine keeps its database and runs, shared by the run commands. */
final class HomeOption {
  @Option(
      names = "--home",
      paramLabel = "DIR",
      defaultValue = "${env:FEDFLOW_HOME:-${sys:user.home}${sys:file.separator}.fedflow}",
      description =
          "The engine's folder: database, runs, logs (default: ${DEFAULT-VALUE}, from"
              + " $FEDFLOW_HOME, else ~/.fedflow).")
  Path home;

  /**
   * Opens the engine of this home.
   *
   * @throws EngineException when its database is locked by another process or corrupt
   */
  Engine open() {
    return Engine.open(EngineConfig.at(home));
  }

  /** What a user may give instead of a run's id to name the newest run. */
  static final String LAST = "last";

  /** The description of a RUN parameter. */
  static final String RUN_DESCRIPTION = "The run's id (see 'fedflow runs'), or 'last': the newest.";

  /**
   * The recorded run with this id, or the newest run for {@value #LAST}.
   *
   * @throws EngineException with the message a user sees when there is none
   */
  RunRecord run(Engine engine, String runId) {
    if (LAST.equals(runId)) {
      return engine.runs().stream()
          .findFirst()
          .orElseThrow(
              () -> new EngineException("no runs in " + home + " yet (see 'fedflow run')"));
    }
    return engine
        .run(runId)
        .orElseThrow(
            () ->
                new EngineException("no run '" + runId + "' in " + home + " (see 'fedflow runs')"));
  }
}
