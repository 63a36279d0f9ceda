package io.fedflow.connectors.slurm.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.fedflow.engine.connector.ConnectorException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a slurmrestd answer means when it is not a plain success, for every version in one place:
 * the two error shapes, unknown jobs (500 with 2017 in 22.05, 404 later), bad tokens (500 in 22.05,
 * 511 later, 401 without one) and the failures worth trying again.
 */
public final class SlurmErrors {
  /** ESLURM_INVALID_JOB_ID. */
  static final int INVALID_JOB_ID = 2017;

  /** SLURM_PROTOCOL_AUTHENTICATION_ERROR: 24.11 with a bad token. */
  static final int AUTHENTICATION_ERROR = 1007;

  /**
   * Slurm's numbers for "slurmctld could not be reached or was busy": communication errors
   * (1001-1004), socket timeout (5004) and EAGAIN (11). A 500 carrying one of them is retried.
   */
  static final Set<Integer> TRY_AGAIN = Set.of(11, 1001, 1002, 1003, 1004, 5004);

  private SlurmErrors() {}

  /** The errors of a body; none when it is not JSON (a 401 says "Authentication failure"). */
  public static List<SlurmError> of(String body) {
    JsonNode root = SlurmJson.treeOrNull(body);
    List<SlurmError> errors = new ArrayList<>();
    if (root == null || !root.path("errors").isArray()) {
      return errors;
    }
    for (JsonNode e : root.path("errors")) {
      JsonNode n = e.has("error_number") ? e.get("error_number") : e.get("error_code");
      errors.add(
          new SlurmError(
              n != null && n.isNumber() ? n.intValue() : null,
              text(e, "error"),
              text(e, "description"),
              text(e, "source")));
    }
    return errors;
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** Slurm does not know this job id (any more). */
  public static boolean unknownJob(HttpResult r) {
    return r.status() == 404 || (r.status() == 500 && hasNumber(r, INVALID_JOB_ID));
  }

  /**
   * slurmrestd refused our credentials: 401 without them, 511 for a bad token (24.11), 500 with
   * "slurmctld config is unable to load" (22.05, which says nothing clearer), or error 1007.
   */
  public static boolean authFailure(HttpResult r) {
    if (r.ok()) {
      return false; // never a refusal, and the common case: no body parsed for it
    }
    if (r.status() == 401 || r.status() == 511 || hasNumber(r, AUTHENTICATION_ERROR)) {
      return true;
    }
    return r.status() == 500
        && of(r.body()).stream()
            .anyMatch(
                e ->
                    Integer.valueOf(-1).equals(e.number())
                        && "slurm_load_ctl_conf".equals(e.source()));
  }

  /** Worth asking again: a gateway's 502/503/504, or a 500 that says slurmctld was unreachable. */
  public static boolean tryAgain(HttpResult r) {
    return switch (r.status()) {
      case 502, 503, 504 -> true;
      case 500 -> of(r.body()).stream().anyMatch(e -> TRY_AGAIN.contains(e.number()));
      default -> false;
    };
  }

  private static boolean hasNumber(HttpResult r, int number) {
    return of(r.body()).stream().anyMatch(e -> Integer.valueOf(number).equals(e.number()));
  }

  /**
   * The failure a user reads: what was asked, the status and Slurm's words, in one line. Never the
   * token: requests carry it in a header, and headers are not part of a message.
   */
  public static ConnectorException failure(String action, HttpResult r) {
    String words =
        of(r.body()).stream().map(SlurmError::toString).collect(Collectors.joining("; "));
    if (words.isEmpty()) {
      words = firstLine(r.body());
    }
    String meaning = "";
    if (authFailure(r)) {
      meaning = "slurmrestd refused the credentials (a missing, expired or wrong token?): ";
    }
    String message =
        action
            + " failed: "
            + meaning
            + r.request()
            + " answered "
            + r.status()
            + (words.isEmpty() ? "" : ": " + words);
    return new ConnectorException(message, tryAgain(r));
  }

  private static String firstLine(String body) {
    if (body == null) {
      return "";
    }
    String t = body.strip();
    int nl = t.indexOf('\n');
    t = nl < 0 ? t : t.substring(0, nl);
    return t.length() > 200 ? t.substring(0, 200) + "..." : t;
  }
}
