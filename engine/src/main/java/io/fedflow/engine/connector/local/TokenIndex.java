package io.fedflow.engine.connector.local;

import io.fedflow.engine.connector.ConnectorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Submission tokens to attempt folders, for {@code find} after a crash: {@code
 * <stateDir>/tokens/<token>} is a symbolic link to the attempt folder, made before the launcher
 * starts (one system call, atomic, nothing to parse).
 */
final class TokenIndex {
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9.-]*");

  private final Path dir;

  TokenIndex(Path stateDir) throws ConnectorException {
    this.dir = stateDir.resolve("tokens");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new ConnectorException("cannot create " + dir + ": " + e.getMessage(), false, e);
    }
  }

  static boolean isValid(String token) {
    return token != null && TOKEN.matcher(token).matches();
  }

  static void check(String token) throws ConnectorException {
    if (!isValid(token)) {
      throw new ConnectorException(
          "a submission token must be letters, digits, '.' and '-', but found '" + token + "'",
          false);
    }
  }

  /** The attempt folder of a token, or null when the token is not known here. */
  Path lookup(String token) throws IOException {
    try {
      return Files.readSymbolicLink(dir.resolve(token));
    } catch (NoSuchFileException | NotLinkException e) {
      return null;
    }
  }

  /** Records a token's attempt folder; a token already recorded for another folder is an error. */
  void record(String token, Path attemptDir) throws IOException, ConnectorException {
    Path known = lookup(token);
    if (known == null) {
      Files.createSymbolicLink(dir.resolve(token), attemptDir);
    } else if (!known.equals(attemptDir)) {
      throw new ConnectorException(
          "token " + token + " was used already, for " + known + ", not " + attemptDir, false);
    }
  }

  void forget(String token) throws IOException {
    Files.deleteIfExists(dir.resolve(token));
  }
}
