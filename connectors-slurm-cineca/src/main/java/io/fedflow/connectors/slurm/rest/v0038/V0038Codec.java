package io.fedflow.connectors.slurm.rest.v0038;

import io.fedflow.connectors.slurm.rest.GresGpus;
import io.fedflow.connectors.slurm.rest.JobRecord;
import io.fedflow.connectors.slurm.rest.JobRequest;
import io.fedflow.connectors.slurm.rest.NodeRecord;
import io.fedflow.connectors.slurm.rest.PartitionRecord;
import io.fedflow.connectors.slurm.rest.v0038.model.Dbv0036TresListInner;
import io.fedflow.connectors.slurm.rest.v0038.model.Dbv0038Job;
import io.fedflow.connectors.slurm.rest.v0038.model.Dbv0038JobExitCode;
import io.fedflow.connectors.slurm.rest.v0038.model.Dbv0038JobStep;
import io.fedflow.connectors.slurm.rest.v0038.model.V0038JobProperties;
import io.fedflow.connectors.slurm.rest.v0038.model.V0038JobResponseProperties;
import io.fedflow.connectors.slurm.rest.v0038.model.V0038JobSubmission;
import io.fedflow.connectors.slurm.rest.v0038.model.V0038Node;
import io.fedflow.connectors.slurm.rest.v0038.model.V0038Partition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/** fedflow's records to and from the v0.0.38 models. */
final class V0038Codec {
  private V0038Codec() {}

  /** The script sits beside the job, and the environment, which 22.05 requires, is an object. */
  static V0038JobSubmission submission(JobRequest r) {
    V0038JobProperties job =
        new V0038JobProperties()
            .name(r.name())
            .comment(r.comment())
            .currentWorkingDirectory(r.workdir())
            .environment(new LinkedHashMap<>(r.environment()))
            .standardInput(r.stdin())
            .standardOutput(r.stdout())
            .standardError(r.stderr())
            .partition(r.partition())
            .account(r.account())
            .qos(r.qos())
            .gpus(gpus(r))
            .tasks(1L)
            .cpusPerTask(r.cpus() == null ? null : r.cpus().longValue())
            .memoryPerNode(r.memoryMebibytes())
            .timeLimit(r.timeLimitMinutes() == null ? null : r.timeLimitMinutes().longValue())
            .array(r.array());
    if (!r.argv().isEmpty()) {
      job.argv(new ArrayList<>(r.argv()));
    }
    return new V0038JobSubmission().script(r.script()).job(job);
  }

  /** 22.05's {@code gpus}: {@code 2} or {@code a100:2}. */
  private static String gpus(JobRequest r) {
    if (r.gpus() == null || r.gpus() == 0) {
      return null;
    }
    return r.gpuModel() == null ? r.gpus().toString() : r.gpuModel() + ":" + r.gpus();
  }

  /**
   * A job from slurmctld. Its {@code exit_code} is the raw wait status: the exit code in the second
   * byte, or the signal in the low seven bits.
   */
  static JobRecord job(V0038JobResponseProperties j) {
    Long status = j.getExitCode();
    Integer exit = null;
    Integer signal = null;
    if (status != null) {
      int sig = (int) (status & 0x7f);
      if (sig != 0) {
        signal = sig;
      } else {
        exit = (int) ((status >> 8) & 0xff);
      }
    }
    return new JobRecord(
        j.getJobId(),
        j.getName(),
        blankToNull(j.getComment()),
        j.getJobState() == null ? List.of() : List.of(j.getJobState()),
        exit,
        signal,
        time(j.getSubmitTime()),
        time(j.getStartTime()),
        time(j.getEndTime()),
        reason(j.getStateReason()),
        j.getBillableTres() == null ? null : j.getBillableTres().doubleValue(),
        null,
        false,
        blankToNull(j.getUserName()),
        positive(j.getArrayJobId()),
        j.getArrayTaskId() == null ? null : j.getArrayTaskId().intValue(),
        blankToNull(j.getArrayTaskString()));
  }

  /**
   * A job from slurmdbd: exit code and signal apart, energy summed over the steps. 22.05's
   * slurmrestd answers {@code {"status": "SUCCESS", "return_code": 0}} for every job that exited
   * normally, whatever its code (a job that exited 7, stored as 1792 and shown {@code 7:0} by
   * sacct, included): a 0 there is taken only for a job that COMPLETED, otherwise the code is
   * unknown.
   */
  static JobRecord accountingJob(Dbv0038Job j) {
    Dbv0038JobExitCode ec = j.getExitCode();
    String state = j.getState() == null ? null : j.getState().getCurrent();
    Integer exit = ec == null || ec.getReturnCode() == null ? null : ec.getReturnCode().intValue();
    if (exit != null && exit == 0 && !"COMPLETED".equals(state)) {
      exit = null;
    }
    Integer signal =
        ec == null || ec.getSignal() == null || ec.getSignal().getSignalId() == null
            ? null
            : ec.getSignal().getSignalId().intValue();
    return new JobRecord(
        j.getJobId(),
        j.getName(),
        j.getComment() == null ? null : j.getComment().getJob(),
        state == null ? List.of() : List.of(state),
        exit,
        signal,
        j.getTime() == null ? null : time(j.getTime().getSubmission()),
        j.getTime() == null ? null : time(j.getTime().getStart()),
        j.getTime() == null ? null : time(j.getTime().getEnd()),
        j.getState() == null ? null : reason(j.getState().getReason()),
        billing(j),
        energy(j.getSteps()),
        true,
        blankToNull(j.getUser()),
        j.getArray() == null ? null : positive(j.getArray().getJobId()),
        j.getArray() == null || positive(j.getArray().getJobId()) == null
            ? null
            : j.getArray().getTaskId() == null ? null : j.getArray().getTaskId().intValue(),
        null);
  }

  private static Double billing(Dbv0038Job j) {
    if (j.getTres() == null || j.getTres().getAllocated() == null) {
      return null;
    }
    for (Dbv0036TresListInner t : j.getTres().getAllocated()) {
      if ("billing".equals(t.getType()) && t.getCount() != null) {
        return t.getCount().doubleValue();
      }
    }
    return null;
  }

  /**
   * ConsumedEnergy in joules: the sum over the steps. Slurm writes 0 (or null) when no energy
   * plugin measures, which is "not measured", not "no energy".
   */
  private static Long energy(List<Dbv0038JobStep> steps) {
    long sum = 0;
    for (Dbv0038JobStep s : steps == null ? List.<Dbv0038JobStep>of() : steps) {
      if (s.getStatistics() != null
          && s.getStatistics().getEnergy() != null
          && s.getStatistics().getEnergy().getConsumed() != null) {
        sum += s.getStatistics().getEnergy().getConsumed();
      }
    }
    return sum > 0 ? sum : null;
  }

  static NodeRecord node(V0038Node n) {
    List<String> states = new ArrayList<>();
    if (n.getState() != null) {
      states.add(n.getState().toUpperCase(java.util.Locale.ROOT));
    }
    if (n.getStateFlags() != null) {
      states.addAll(n.getStateFlags());
    }
    return new NodeRecord(
        n.getName(),
        states,
        n.getCpus() == null ? 0 : n.getCpus().intValue(),
        n.getAllocCpus() == null ? 0 : n.getAllocCpus().intValue(),
        n.getPartitions() == null ? List.of() : n.getPartitions(),
        GresGpus.count(n.getGres()),
        GresGpus.count(n.getGresUsed()));
  }

  static PartitionRecord partition(V0038Partition p) {
    return new PartitionRecord(
        p.getName(),
        "UP".equalsIgnoreCase(p.getState()),
        p.getTotalCpus() == null ? 0 : p.getTotalCpus().intValue());
  }

  /** Slurm's times are seconds since the epoch; 0 means "not yet". */
  static Instant time(Long seconds) {
    return seconds == null || seconds <= 0 ? null : Instant.ofEpochSecond(seconds);
  }

  /** An id, or null for Slurm's 0 ("not an array"). */
  private static Long positive(Long id) {
    return id == null || id <= 0 ? null : id;
  }

  static String reason(String r) {
    return r == null || r.isEmpty() || r.equals("None") ? null : r;
  }

  static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
