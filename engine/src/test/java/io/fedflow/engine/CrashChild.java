package io.fedflow.engine;

import io.fedflow.engine.connector.SiteConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An engine process for the crash tests, to be killed: opens the engine of a home on a {@code
 * pausing-local} site (see {@link PausingConnectorProvider}) and follows one run, printing {@code
 * following} once the database is open, {@code done N} at each progress report, and {@code ended
 * STATE} at the end.
 *
 * <p>Arguments: home, run id, pauseBefore, pauseAfter, then optionally the paused site's own
 * settings as {@code key=value} (with {@code inner=TYPE}); without them a local site of 2 cpus.
 */
public final class CrashChild {
  private CrashChild() {}

  public static void main(String[] args) {
    Path home = Path.of(args[0]);
    Map<String, String> settings = new HashMap<>();
    if (args.length > 4) {
      for (int i = 4; i < args.length; i++) {
        int eq = args[i].indexOf('=');
        settings.put(args[i].substring(0, eq), args[i].substring(eq + 1));
      }
    } else {
      settings.put("home", home.toString());
      settings.put("cpus", "2");
    }
    settings.put("pauseBefore", args[2]);
    settings.put("pauseAfter", args[3]);
    SiteConfig site = new SiteConfig("local", "pausing-local", settings);
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
