package io.fedflow.engine.connector;

import java.util.Objects;

/**
 * A job as a site knows it: the site's own id for it ({@code 1234} in Slurm, {@code 56.0} in
 * HTCondor, a pid and start time locally) and the submission token it was given.
 */
public record SiteJob(String site, String nativeId, String token) {

  /**
   * The token's hash alone: it is unique per attempt, where the record's own hash, mixing the
   * native id and the token (both often counters at a site), puts many jobs in one bucket of a hash
   * map.
   */
  @Override
  public int hashCode() {
    return Objects.hashCode(token);
  }
}
