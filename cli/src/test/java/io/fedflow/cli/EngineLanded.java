package io.fedflow.cli;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fedflow.engine.Engine;
import io.fedflow.engine.EngineConfig;
import java.nio.file.Path;

/**
 * The end-to-end tests need the engine, which is a stub until it lands on main: until then they are
 * skipped (reported as such), and they run by themselves once it is there.
 */
final class EngineLanded {
  private EngineLanded() {}

  static void assumeIn(Path home) {
    boolean landed;
    try {
      Engine.open(EngineConfig.at(home)).close();
      landed = true;
    } catch (UnsupportedOperationException stub) {
      landed = false;
    }
    assumeTrue(landed, "the engine is still a stub: Engine.open throws");
  }
}
