package io.fedflow.engine.core;

/** Reading the number of a submission token, {@code <runId>.<n>}, without making a substring. */
final class Tokens {
  private Tokens() {}

  /** The number after {@code prefix}, or -1 when the token is not the prefix and a number. */
  static long number(String token, String prefix) {
    if (token == null || !token.startsWith(prefix)) {
      return -1;
    }
    int from = prefix.length();
    int digits = token.length() - from;
    if (digits < 1 || digits > 18) {
      return -1;
    }
    long n = 0;
    for (int k = from; k < token.length(); k++) {
      char c = token.charAt(k);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /**
   * The number after the token's last '.', or -1: cheaper than {@link #number}, for a lookup whose
   * result is then checked against the token itself.
   */
  static long trailingNumber(String token) {
    if (token == null) {
      return -1;
    }
    long n = 0;
    long scale = 1;
    for (int k = token.length() - 1, digits = 0; k >= 0; k--, digits++) {
      char c = token.charAt(k);
      if (c == '.') {
        return digits == 0 ? -1 : n;
      }
      if (c < '0' || c > '9' || digits == 18) {
        return -1;
      }
      n += (c - '0') * scale;
      scale *= 10;
    }
    return -1;
  }
}
