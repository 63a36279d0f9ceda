package io.fedflow.engine.connector.local;

import io.fedflow.dag.Durations;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Stops jobs: on cancel, or when they outrun their walltime. One timer thread serves every job; a
 * stop sends SIGTERM to the job's process group at once and SIGKILL after a grace period, without
 * making the caller wait. A marker file in the attempt folder records why, so that the outcome
 * reads right even when the job ends with no exit code written.
 */
final class Watchdog implements AutoCloseable {
  private static final Logger LOG = LogManager.getLogger(Watchdog.class);

  private final Starter starter;
  private final Duration grace;
  private final ScheduledThreadPoolExecutor timer;
  private final Map<String, ScheduledFuture<?>> walltimes = new ConcurrentHashMap<>();

  Watchdog(Starter starter, Duration grace) {
    this.starter = starter;
    this.grace = grace;
    this.timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "fedflow-local-watchdog");
              t.setDaemon(true);
              return t;
            });
    timer.setRemoveOnCancelPolicy(true);
  }

  /** Stops the job {@code walltime} after {@code started}, unless it ends first. */
  void watch(AttemptFolder folder, Duration walltime, Instant started) {
    long delay = Duration.between(Instant.now(), started.plus(walltime)).toMillis();
    walltimes.computeIfAbsent(
        folder.dir().toString(),
        k ->
            timer.schedule(
                () -> {
                  walltimes.remove(k);
                  stop(
                      List.of(folder), AttemptFolder.WALLTIME_EXCEEDED, Durations.format(walltime));
                },
                Math.max(0, delay),
                TimeUnit.MILLISECONDS));
  }

  boolean watches(AttemptFolder folder) {
    return walltimes.containsKey(folder.dir().toString());
  }

  void unwatch(AttemptFolder folder) {
    ScheduledFuture<?> f = walltimes.remove(folder.dir().toString());
    if (f != null) {
      f.cancel(false);
    }
  }

  /**
   * Marks each job that has not ended with {@code marker} (holding {@code why}), sends SIGTERM to
   * its process group now and SIGKILL after the grace period.
   */
  void stop(Collection<AttemptFolder> folders, String marker, String why) {
    List<AttemptFolder> stopping = new ArrayList<>();
    for (AttemptFolder folder : folders) {
      if (folder.exit() != null) {
        continue;
      }
      try {
        if (!folder.has(marker)) {
          folder.write(marker, why);
        }
      } catch (IOException e) {
        LOG.warn("cannot write {} into {}: {}", marker, folder.dir(), e.getMessage());
      }
      stopping.add(folder);
    }
    if (stopping.isEmpty()) {
      return;
    }
    starter.signal("TERM", runningGroups(stopping));
    timer.schedule(
        () -> starter.signal("KILL", runningGroups(stopping)),
        grace.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  /** The process groups of the jobs that still run (each leads its own group). */
  private static List<Long> runningGroups(List<AttemptFolder> folders) {
    List<Long> groups = new ArrayList<>();
    for (AttemptFolder folder : folders) {
      if (folder.exit() == null
          && folder.claim() instanceof AttemptFolder.Launched l
          && ProcStat.isRunning(l.pid(), l.startTicks())) {
        groups.add(l.pid());
      }
    }
    return groups;
  }

  /** Forgets walltimes; a SIGKILL already due after a SIGTERM still comes while the JVM runs. */
  @Override
  public void close() {
    walltimes.values().forEach(f -> f.cancel(false));
    walltimes.clear();
    timer.shutdown();
  }
}
