package io.fedflow.cli;

import io.fedflow.engine.site.SitesFile;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --sites FILE}: the sites a new run uses, recorded with it; shared by run and submit. */
final class SitesOption {
  @Option(
      names = "--sites",
      paramLabel = "FILE",
      description =
          "A sites file (see docs/site-config.md): the sites the run's jobs go to, recorded with"
              + " the run, so that resume and cancel reach the same sites. Default: this machine.")
  Path file;

  /**
   * The sites file, or null when not given.
   *
   * @throws io.fedflow.engine.site.SitesException with every problem of the file
   */
  SitesFile read() {
    return file == null ? null : SitesFile.read(file);
  }
}
