package io.fedflow.engine.run;

import java.nio.file.Path;

/**
 * The folders of one run: {@code <runDir>/work} where jobs run unless they say otherwise, and
 * {@code <runDir>/attempts/<instance>/<attempt>} for each attempt's files.
 */
public record RunFolder(Path dir) {
  public RunFolder {
    dir = dir.toAbsolutePath().normalize();
  }

  public Path work() {
    return dir.resolve("work");
  }

  /** The folder of one attempt; an instance id never holds a '/', but one would not escape. */
  public Path attempt(String instanceId, int attempt) {
    return dir.resolve("attempts")
        .resolve(instanceId.replace('/', '_'))
        .resolve(Integer.toString(attempt));
  }
}
