package io.fedflow.connectors.slurm.rest;

/**
 * One entry of a response's {@code errors}. Slurm writes two shapes: {@code {error_number, error,
 * description, source}} and {@code {error_code, error}}; both land here.
 *
 * @param number Slurm's error number, or null
 */
public record SlurmError(Integer number, String error, String description, String source) {

  /** {@code Invalid job id specified (2017: Unable to find JobId=9)}. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(error == null ? "error" : error);
    if (number != null || description != null) {
      s.append(" (");
      if (number != null) {
        s.append(number);
      }
      if (number != null && description != null && !description.isEmpty()) {
        s.append(": ");
      }
      if (description != null) {
        s.append(description);
      }
      s.append(')');
    }
    return s.toString();
  }
}
