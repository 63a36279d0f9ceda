package io.fedflow.connectors.slurm.ssh;

import io.fedflow.connectors.slurm.rest.ApiVersion;
import io.fedflow.engine.connector.ConnectorException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Slurm release as {@code sbatch --version} prints it ({@code slurm-wlm 22.05.8}, {@code slurm
 * 24.11.5}), and the JSON its commands write: 22.05 writes v0.0.38 and knows no other; 23.02 writes
 * v0.0.39, which fedflow does not read; 23.11 and 24.05 can write v0.0.40; 24.11 and later v0.0.42.
 */
record SlurmRelease(int major, int minor, String text) {
  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(\\.\\S+)?");

  static SlurmRelease parse(String said) {
    Matcher m = VERSION.matcher(said);
    if (!m.find()) {
      return new SlurmRelease(0, 0, said.strip());
    }
    return new SlurmRelease(
        Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group().strip());
  }

  ApiVersion version(String site) throws ConnectorException {
    int v = major * 100 + minor;
    if (v >= 2411) {
      return ApiVersion.V0042;
    }
    if (v >= 2311) {
      return ApiVersion.V0040;
    }
    if (v >= 2205 && v < 2302) {
      return ApiVersion.V0038;
    }
    throw new ConnectorException(
        "site "
            + site
            + ": sbatch --version says '"
            + text
            + "': fedflow reads the --json of Slurm 22.05 (v0.0.38) and of 23.11 or later"
            + " (v0.0.40 to v0.0.42)",
        false);
  }
}
