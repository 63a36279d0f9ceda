package io.fedflow.engine.connector.local;

import io.fedflow.dag.JobSpec;
import io.fedflow.engine.connector.SiteJob;
import java.nio.file.Path;

/**
 * An engine that submits two jobs and then waits to be killed: {@code long} (sleeps 3s, exits 0)
 * and {@code short} (sleeps 0.3s, exits 3). Prints each native id, then {@code submitted}.
 *
 * <p>Arguments: the home folder.
 */
public final class CrashingEngineMain {
  private CrashingEngineMain() {}

  public static void main(String[] args) throws Exception {
    LocalSite site = new LocalSite(Path.of(args[0]));
    SiteJob longJob = site.submit(JobSpec.builder("long").command("sleep", "3").build());
    SiteJob shortJob =
        site.submit(JobSpec.builder("short").command("sh", "-c", "sleep 0.3; exit 3").build());
    System.out.println(longJob.token() + " " + longJob.nativeId());
    System.out.println(shortJob.token() + " " + shortJob.nativeId());
    System.out.println("submitted");
    System.out.flush();
    Thread.sleep(60_000);
  }
}
