package io.fedflow.connectors.slurm.ssh;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How to reach a Slurm site's login node with the system's {@code ssh}. No secret is here: the key
 * is a path ({@code identityFile}), and with none, ssh uses the user's agent and its own
 * configuration ({@code ~/.ssh/config}), as after a CINECA 2FA login.
 *
 * @param host the login node ({@code host}, required)
 * @param port its port ({@code port}), or null for ssh's default
 * @param user the login user ({@code user})
 * @param identityFile the private key or certificate's key ({@code identityFile}), or null
 * @param knownHosts the known_hosts file ({@code knownHosts}), or null for the user's; host keys
 *     are always checked ({@code StrictHostKeyChecking=yes})
 * @param controlPersist how long the shared connection outlives its last command ({@code
 *     controlPersist}, default {@code 10m}; ssh's syntax: {@code 600}, {@code 10m}, {@code 1h30m})
 */
public record SshSettings(
    String host,
    Integer port,
    String user,
    Path identityFile,
    Path knownHosts,
    String controlPersist) {

  /** The settings only the SSH transport reads. */
  public static final Set<String> KEYS =
      Set.of("host", "port", "identityFile", "knownHosts", "controlPersist");

  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:\\-\\[\\]]+");
  private static final Pattern TIME = Pattern.compile("[0-9]+[sSmMhHdDwW]?([0-9]+[sSmMhHdDwW])*");

  /**
   * Reads the SSH settings of a site whose {@code transport} is {@code ssh}, adding one line per
   * bad value to {@code problems}; null when there is one.
   */
  public static SshSettings read(Map<String, String> s, String user, List<String> problems) {
    int before = problems.size();
    String host = s.get("host");
    if (host == null || host.isBlank()) {
      problems.add("host: required with transport: ssh (the login node)");
    } else if (!HOST.matcher(host.strip()).matches() || host.strip().startsWith("-")) {
      problems.add(expected("host", "a host name or address", host));
    }
    Integer port = null;
    if (s.containsKey("port")) {
      try {
        port = Integer.parseInt(s.get("port").strip());
        if (port < 1 || port > 65535) {
          problems.add(expected("port", "a port from 1 to 65535", s.get("port")));
        }
      } catch (NumberFormatException e) {
        problems.add(expected("port", "a port from 1 to 65535", s.get("port")));
      }
    }
    Path identity = path(s, "identityFile", problems);
    Path known = path(s, "knownHosts", problems);
    String persist = s.getOrDefault("controlPersist", "10m").strip();
    if (!persist.equals("yes") && !persist.equals("no") && !TIME.matcher(persist).matches()) {
      problems.add(expected("controlPersist", "yes, no or a time like 600, 10m, 1h30m", persist));
    }
    if (user != null && (user.isBlank() || user.strip().startsWith("-"))) {
      problems.add(expected("user", "a login name", user));
    }
    if (problems.size() > before) {
      return null;
    }
    return new SshSettings(host.strip(), port, user.strip(), identity, known, persist);
  }

  /**
   * A file path as ssh reads it: absolute, without blanks (ssh splits option values on them) or
   * {@code %} (ssh expands its tokens there).
   */
  private static Path path(Map<String, String> s, String key, List<String> problems) {
    String value = s.get(key);
    if (value == null) {
      return null;
    }
    if (!value.startsWith("/")
        || value.chars().anyMatch(c -> Character.isWhitespace(c) || c == '%')) {
      // Never echo an identity: it may be the key itself, pasted by mistake.
      problems.add(
          key.equals("identityFile")
              ? "identityFile: expected the absolute path of a key file (without blanks or %),"
                  + " never the key itself"
              : expected(key, "an absolute path without blanks or %", value));
      return null;
    }
    return Path.of(value);
  }

  private static String expected(String key, String what, String found) {
    return key + ": expected " + what + " but found '" + found + "'";
  }

  /** {@code user@host:port}, for messages. */
  String where() {
    return user + "@" + host + (port == null ? "" : ":" + port);
  }
}
