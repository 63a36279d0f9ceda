package io.fedflow.engine.connector.local;

import io.fedflow.engine.connector.Observation;
import io.fedflow.engine.connector.SiteState;
import io.fedflow.engine.connector.local.AttemptFolder.Exit;
import io.fedflow.engine.connector.local.AttemptFolder.Launched;
import java.time.Instant;
import java.util.Map;

/**
 * Reads what became of an attempt from its folder and /proc alone, so that an engine that did not
 * start the job (a new process after a crash) reads the same as the one that did.
 *
 * <table>
 *   <caption>From the folder to the state a poll reports</caption>
 *   <tr><th>folder</th><th>state</th></tr>
 *   <tr><td>exit-code 0</td><td>SUCCEEDED</td></tr>
 *   <tr><td>exit-code N, not 0</td><td>FAILED, "exit code N" (with the signal when N > 128)</td></tr>
 *   <tr><td>no exit-code, job (or its sh launcher) alive: same pid and start time</td>
 *       <td>RUNNING</td></tr>
 *   <tr><td>no exit-code, job gone, its spawner alive, not cancelled</td><td>RUNNING (the exit
 *       code is being written)</td></tr>
 *   <tr><td>no exit-code, job and spawner (or launcher) gone</td><td>FAILED, "the launcher died
 *       ..."</td></tr>
 *   <tr><td>claimed never-started by a recovering engine</td><td>FAILED, site fault</td></tr>
 *   <tr><td>any end, {@code cancelled} marker</td><td>CANCELLED</td></tr>
 *   <tr><td>any end, {@code walltime-exceeded} marker</td><td>FAILED, "walltime 10m exceeded"</td></tr>
 * </table>
 */
final class Outcomes {
  static final String LAUNCHER_DIED = "the launcher died without writing an exit code";
  static final String NEVER_STARTED =
      "the job never started: the engine stopped while submitting it, or no process could be made";

  private static final Map<Integer, String> SIGNALS =
      Map.ofEntries(
          Map.entry(1, "SIGHUP"),
          Map.entry(2, "SIGINT"),
          Map.entry(3, "SIGQUIT"),
          Map.entry(4, "SIGILL"),
          Map.entry(5, "SIGTRAP"),
          Map.entry(6, "SIGABRT"),
          Map.entry(7, "SIGBUS"),
          Map.entry(8, "SIGFPE"),
          Map.entry(9, "SIGKILL"),
          Map.entry(10, "SIGUSR1"),
          Map.entry(11, "SIGSEGV"),
          Map.entry(12, "SIGUSR2"),
          Map.entry(13, "SIGPIPE"),
          Map.entry(14, "SIGALRM"),
          Map.entry(15, "SIGTERM"),
          Map.entry(24, "SIGXCPU"),
          Map.entry(25, "SIGXFSZ"));

  private Outcomes() {}

  /** The state of a claimed or unclaimed attempt. */
  static Observation observe(AttemptFolder folder) {
    Exit exit = folder.exit();
    if (exit != null) {
      return ended(folder, exit);
    }
    AttemptFolder.Claim claim = folder.claim();
    if (claim instanceof Launched l) {
      return observeLaunched(folder, l);
    }
    if (claim instanceof AttemptFolder.NeverStarted) {
      return new Observation(SiteState.FAILED, null, null, null, true, NEVER_STARTED, null, null);
    }
    // Claimed and ended since the reads above, or what was to start it is gone.
    exit = folder.exit();
    if (exit != null) {
      return ended(folder, exit);
    }
    claim = folder.claim();
    return died(folder, claim instanceof Launched l ? l.at() : null);
  }

  /**
   * A launched job runs while its process does, or while the spawner that will write its exit code
   * does (the job ended a moment ago and waits to be reaped); unless it was cancelled, when the
   * spawner may have nothing to write (it did not run the job).
   */
  static Observation observeLaunched(AttemptFolder folder, Launched l) {
    if (ProcStat.isRunning(l.pid(), l.startTicks())
        || (l.spawner() != null
            && ProcStat.isRunning(l.spawner().pid(), l.spawner().startTicks())
            && !folder.has(AttemptFolder.CANCELLED)
            && folder.exit() == null)) {
      return Observation.running(l.at());
    }
    Exit exit = folder.exit(); // it may have ended since the first read
    return exit != null ? ended(folder, exit) : died(folder, l.at());
  }

  private static Observation ended(AttemptFolder folder, Exit exit) {
    Instant started = folder.modified(AttemptFolder.PID);
    String stopped = stopReason(folder);
    if (folder.has(AttemptFolder.CANCELLED)) {
      return seen(SiteState.CANCELLED, exit.code(), started, exit.at(), stopped);
    }
    if (stopped != null) {
      return seen(SiteState.FAILED, exit.code(), started, exit.at(), stopped);
    }
    if (exit.code() == 0) {
      return seen(SiteState.SUCCEEDED, 0, started, exit.at(), null);
    }
    return seen(SiteState.FAILED, exit.code(), started, exit.at(), exitReason(exit.code()));
  }

  private static Observation died(AttemptFolder folder, Instant started) {
    String stopped = stopReason(folder);
    if (folder.has(AttemptFolder.CANCELLED)) {
      return seen(SiteState.CANCELLED, null, started, null, stopped);
    }
    return seen(SiteState.FAILED, null, started, null, stopped != null ? stopped : LAUNCHER_DIED);
  }

  /** A job as the local connector sees it, which measures neither energy nor billing. */
  private static Observation seen(
      SiteState state, Integer exitCode, Instant started, Instant ended, String reason) {
    return new Observation(state, exitCode, started, ended, false, reason, null, null);
  }

  /** Why the engine stopped the job, or null when it did not. */
  private static String stopReason(AttemptFolder folder) {
    if (folder.has(AttemptFolder.CANCELLED)) {
      return "cancelled";
    }
    String walltime = folder.complete(AttemptFolder.WALLTIME_EXCEEDED);
    return walltime == null ? null : "walltime " + walltime + " exceeded";
  }

  /** "exit code 3"; "exit code 137: killed by signal 9 (SIGKILL)" for a code from a signal. */
  static String exitReason(int code) {
    if (code > 128 && code <= 128 + 64) {
      int signal = code - 128;
      String name = SIGNALS.get(signal);
      return "exit code "
          + code
          + ": killed by signal "
          + signal
          + (name == null ? "" : " (" + name + ")");
    }
    return "exit code " + code;
  }
}
