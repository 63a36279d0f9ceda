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

  /**
   * The recorded run with this id.
   *
   * @throws EngineException with the message a user sees when there is none
   */
  RunRecord run(Engine engine, String runId) {
    return engine
        .run(runId)
        .orElseThrow(
            () ->
                new EngineException("no run '" + runId + "' in " + home + " (see 'fedflow runs')"));
  }
}
