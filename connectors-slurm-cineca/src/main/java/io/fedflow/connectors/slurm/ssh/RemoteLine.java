package io.fedflow.connectors.slurm.ssh;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The one command line ssh hands to the login node's shell. ssh joins its remote arguments with
 * blanks and the user's login shell parses the result, so each word is single-quoted ({@code '}
 * written {@code '\''}): the shell then removes the quotes and expands nothing, whatever the word
 * holds (blanks, quotes, {@code $}, {@code *}, newlines). This holds for POSIX shells (sh, bash,
 * ksh, zsh); a csh login shell rejects a newline inside quotes.
 */
final class RemoteLine {
  private RemoteLine() {}

  static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /** Every word quoted, joined by one blank; never starts or ends with a blank. */
  static String of(List<String> argv) {
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("a remote command needs at least its name");
    }
    return argv.stream().map(RemoteLine::quote).collect(Collectors.joining(" "));
  }
}
