package io.fedflow.connectors.slurm.rest;

import io.fedflow.engine.connector.Observation;
import io.fedflow.engine.connector.SiteState;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * Slurm's job states and state flags, mapped onto fedflow's few, in one table. A job's states come
 * as a base state then flags ({@code [COMPLETED, COMPLETING]}); a flag with a row of its own
 * overrides the base state, a flag without one changes nothing. An unmapped name is logged once and
 * the job is UNKNOWN.
 */
public final class SlurmStates {
  private static final Logger LOG = LogManager.getLogger(SlurmStates.class);

  /** What a name means: a state, whether a failure is the site's fault, and fedflow's words. */
  record Row(SiteState state, boolean siteFault, String reason) {}

  private static Row row(SiteState state) {
    return new Row(state, false, null);
  }

  private static Row siteFault(String reason) {
    return new Row(SiteState.FAILED, true, reason);
  }

  private static Row failed(String reason) {
    return new Row(SiteState.FAILED, false, reason);
  }

  /** Base states. */
  static final Map<String, Row> BASE =
      Map.ofEntries(
          Map.entry("PENDING", row(SiteState.QUEUED)), // waiting for resources or priority
          Map.entry("RUNNING", row(SiteState.RUNNING)),
          Map.entry("SUSPENDED", row(SiteState.RUNNING)), // paused, keeps its allocation
          Map.entry("COMPLETED", row(SiteState.SUCCEEDED)), // every process exited with 0
          Map.entry("CANCELLED", row(SiteState.CANCELLED)), // scancel, by us or an admin
          Map.entry("FAILED", failed(null)), // non-zero exit code or other failure
          Map.entry("TIMEOUT", failed("walltime exceeded")),
          Map.entry("NODE_FAIL", siteFault("a node of the job failed")),
          Map.entry("PREEMPTED", siteFault("preempted by another job")),
          Map.entry("BOOT_FAIL", siteFault("a node failed to boot")),
          Map.entry("DEADLINE", failed("its deadline passed before it could run")),
          Map.entry("OUT_OF_MEMORY", failed("out of memory")));

  /** Flags that change what the base state means; flags absent here change nothing. */
  static final Map<String, Row> FLAGS =
      Map.ofEntries(
          Map.entry("COMPLETING", row(SiteState.RUNNING)), // still cleaning up (epilog)
          Map.entry("CONFIGURING", row(SiteState.QUEUED)), // allocated, nodes still booting
          Map.entry("POWER_UP_NODE", row(SiteState.QUEUED)), // waiting for a node to power up
          Map.entry("REQUEUED", row(SiteState.QUEUED)), // back in the queue, will run again
          Map.entry("REQUEUE_HOLD", row(SiteState.QUEUED)), // requeued and held
          Map.entry("REQUEUE_FED", row(SiteState.QUEUED)), // requeued by the federation
          Map.entry("RESV_DEL_HOLD", row(SiteState.QUEUED)), // held: its reservation was deleted
          Map.entry("RESIZING", row(SiteState.RUNNING)), // its allocation is changing
          Map.entry("SIGNALING", row(SiteState.RUNNING)), // being signalled, still there
          Map.entry("STAGE_OUT", row(SiteState.RUNNING)), // burst buffer stage-out after the end
          Map.entry("STOPPED", row(SiteState.RUNNING)), // SIGSTOPped, keeps its allocation
          Map.entry("LAUNCH_FAILED", siteFault("the job could not be launched")),
          Map.entry("RECONFIG_FAIL", siteFault("node reconfiguration failed")),
          Map.entry("REVOKED", siteFault("revoked: a sibling cluster of the federation runs it")),
          Map.entry("SPECIAL_EXIT", failed("special exit (requeued and held by a script)")));

  /** Flags known to change nothing fedflow sees. */
  static final Set<String> NEUTRAL_FLAGS = Set.of("UPDATE_DB");

  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

  private SlurmStates() {}

  /** What fedflow observes of this job. */
  public static Observation observe(JobRecord job) {
    Row row = rowOf(job.states());
    if (row == null) {
      return new Observation(
          SiteState.UNKNOWN,
          null,
          job.started(),
          job.ended(),
          false,
          "unknown Slurm state " + job.states(),
          null,
          null);
    }
    boolean ended =
        row.state() == SiteState.SUCCEEDED
            || row.state() == SiteState.FAILED
            || row.state() == SiteState.CANCELLED;
    Integer exit = ended ? exitCode(job) : null;
    String reason = row.reason();
    if (row.state() == SiteState.FAILED && reason == null) {
      reason = job.signal() != null ? "killed by signal " + job.signal() : job.reason();
    }
    boolean started = ended || row.state() == SiteState.RUNNING;
    return new Observation(
        row.state(),
        exit,
        job.started(),
        ended ? job.ended() : null,
        row.siteFault(),
        reason,
        started ? job.energyJoules() : null,
        started ? billing(job) : null);
  }

  /**
   * The billing TRES of a job that has its allocation. A pending job's is Slurm's estimate from its
   * request, not recorded; 0 is a partition whose billing weights charge nothing (kept).
   */
  private static Double billing(JobRecord job) {
    return job.billing() != null && job.billing() >= 0 ? job.billing() : null;
  }

  /** 128+N for a job killed by signal N, as a shell reports it. */
  private static Integer exitCode(JobRecord job) {
    if (job.signal() != null && job.signal() > 0) {
      return 128 + job.signal();
    }
    return job.exitCode();
  }

  static Row rowOf(List<String> states) {
    Row result = null;
    for (String name : states) {
      Row flag = FLAGS.get(name);
      if (flag != null) {
        return flag;
      }
      Row base = BASE.get(name);
      if (base != null) {
        result = result == null ? base : result;
      } else if (!NEUTRAL_FLAGS.contains(name) && WARNED.add(name)) {
        LOG.warn("Slurm job state {} is not in fedflow's table: the job shows as UNKNOWN", name);
      }
    }
    return result;
  }
}
