package io.fedflow.connectors.slurm.ssh;

import io.fedflow.engine.connector.ConnectorException;
import java.util.List;

/**
 * A Slurm command's failure as a {@link ConnectorException} naming the site, the command and what
 * it wrote on stderr. Transient when Slurm says its controller or database was out of reach (asking
 * again later may work); permanent otherwise (a refused partition, a bad option).
 */
final class CommandFailures {
  /** What Slurm's commands write when slurmctld or slurmdbd cannot be reached or is busy. */
  private static final List<String> TRANSIENT =
      List.of(
          "Socket timed out",
          "Unable to contact slurm controller",
          "Slurm temporarily unable",
          "Resource temporarily unavailable",
          "Zero Bytes were transmitted or received",
          "Connection refused",
          "Transport endpoint is not connected",
          "slurmdbd: Connection",
          "Slurmctld and slurmdbd are not responding",
          "Problem talking to the database");

  private final String site;

  CommandFailures(String site) {
    this.site = site;
  }

  String site() {
    return site;
  }

  /** Fails when the command exited with other than 0. */
  void check(List<String> argv, LoginNode.Result r) throws ConnectorException {
    if (r.exit() == 0) {
      return;
    }
    String said = r.err().strip().isEmpty() ? r.out().strip() : r.err().strip();
    boolean again = TRANSIENT.stream().anyMatch(said::contains);
    throw new ConnectorException(
        "site "
            + site
            + ": "
            + String.join(" ", argv)
            + " failed with exit code "
            + r.exit()
            + ": "
            + (said.isEmpty() ? "no message" : said),
        again);
  }

  /** The origin of a JSON answer, for {@code SlurmJson}'s message. */
  String source(List<String> argv) {
    return "site " + site + ": " + String.join(" ", argv) + " answered";
  }

  ConnectorException unreadable(List<String> argv, String expected, String found) {
    return new ConnectorException(
        "site "
            + site
            + ": "
            + String.join(" ", argv)
            + ": expected "
            + expected
            + " but found '"
            + found.strip()
            + "'",
        false);
  }

  ConnectorException refused(String job, String why) {
    return new ConnectorException("site " + site + ": job " + job + ": " + why, false);
  }
}
