package io.fedflow.engine;

import io.fedflow.engine.connector.SiteConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An engine process for the crash tests, to be killed: opens the engine of a home on a {@code
 * pausing-local} site (see {@link PausingConnectorProvider}) and follows one run, printing {@code
 * following} once the database is open, {@code done N} at each progress report, and {@code ended
 * STATE} at the end.
 *
 * <p>Arguments: home, run id, pauseBefore, pauseAfter.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) {
    Path home = Path.of(args[0]);
    SiteConfig site =
        new SiteConfig(
            "local",
            "pausing-local",
            Map.of(
                "home",
                home.toString(),
                "cpus",
                "2",
                "pauseBefore",
                args[2],
                "pauseAfter",
                args[3]));
    try (Engine engine = Engine.open(new EngineConfig(home, null, List.of(site), null))) {
      System.out.println("following");
      System.out.flush();
      RunState end =
          engine.follow(
              args[1],
              p -> {
                System.out.println("done " + p.done());
                System.out.flush();
              });
      System.out.println("ended " + end);
      System.out.flush();
    }
  }
}
