package io.fedflow.connectors.slurm;

/**
 * How an array's tasks carry their submission tokens. The engine's tokens are {@code <run>.<n>}; an
 * array holds tokens of one run and is named by its lowest one, {@code <run>.<base>}, and the task
 * of token {@code <run>.<n>} has the id {@code n - base}. So the token of every task follows from
 * the two things both slurmctld and slurmdbd keep, the job's name and the task's id (slurmdbd
 * stores no comment unless the site asks it to).
 */
final class ArrayNaming {
  private ArrayNaming() {}

  /** The number after the token's last dot, or -1 when it is not {@code <prefix>.<digits>}. */
  static long number(String token) {
    int dot = token.lastIndexOf('.');
    int digits = token.length() - dot - 1;
    if (dot < 0 || digits < 1 || digits > 18) {
      return -1;
    }
    for (int k = dot + 1; k < token.length(); k++) {
      if (token.charAt(k) < '0' || token.charAt(k) > '9') {
        return -1;
      }
    }
    return Long.parseLong(token.substring(dot + 1));
  }

  /** The token up to and with its last dot. */
  static String prefix(String token) {
    return token.substring(0, token.lastIndexOf('.') + 1);
  }

  /** The token of a task of the array of this name, or null when the name is not a token. */
  static String token(String arrayName, int task) {
    long base = arrayName == null ? -1 : number(arrayName);
    return base < 0 ? null : prefix(arrayName) + (base + task);
  }
}
