package io.fedflow.cli;

import io.fedflow.engine.connector.SiteConfig;
import io.fedflow.engine.run.Sites;
import io.fedflow.engine.site.SitesFile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fedflow sites FILE}: checks a sites file offline. */
@Command(
    name = "sites",
    mixinStandardHelpOptions = true,
    description = {
      "Check a sites file without reaching its sites.",
      "Reads the file (see docs/site-config.md) and opens each site's connector as a run would,"
          + " which checks every setting, but asks no site anything. Prints each site, or every"
          + " problem with its line."
    })
final class SitesCommand implements Callable<Integer>, Exit.Documented {
  @Parameters(paramLabel = "FILE", description = "The sites file.")
  Path file;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    SitesFile sites = SitesFile.read(file);
    // The home only serves the embedded default site, which a sites file never uses.
    try (Sites open = Sites.open(sites, Path.of(System.getProperty("java.io.tmpdir")))) {
      PrintWriter out = spec.commandLine().getOut();
      for (SiteConfig s : sites.sites()) {
        out.println(file + ": site " + s.name() + " (" + s.type() + "): ok");
      }
      out.flush();
    }
    return Exit.OK;
  }

  @Override
  public int[] exitCodes() {
    return Exit.FILE_COMMANDS;
  }
}
