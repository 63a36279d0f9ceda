package io.fedflow.engine.connector;

import java.io.InputStream;

/**
 * One stream of one attempt, as the site that ran it gives it: its content, or where it is and why
 * the site cannot fetch it (a cluster reached over REST, which has no file API).
 */
public sealed interface AttemptOutput {

  /** Where the stream is, in the site's words ({@code /home/u/runs/r1/attempts/a/1/stdout}). */
  String location();

  /** The two streams of an attempt, by the name of their file. */
  enum Stream {
    STDOUT,
    STDERR;

    /** {@code stdout}, {@code stderr}. */
    public String fileName() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * The stream's bytes, read from the site as the caller reads them (a remote {@code cat} over SSH,
   * say); the caller closes it.
   */
  record Content(String location, InputStream bytes) implements AttemptOutput {}

  /**
   * The site has the stream but cannot hand it over.
   *
   * @param why the reason in a few words, to show after the location
   */
  record Elsewhere(String location, String why) implements AttemptOutput {}
}
