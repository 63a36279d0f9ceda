package io.fedflow.connectors.slurm.rest.v0040;

import io.fedflow.connectors.slurm.rest.GresGpus;
import io.fedflow.connectors.slurm.rest.JobRecord;
import io.fedflow.connectors.slurm.rest.JobRequest;
import io.fedflow.connectors.slurm.rest.NodeRecord;
import io.fedflow.connectors.slurm.rest.PartitionRecord;
import io.fedflow.connectors.slurm.rest.v0040.model.V0042Float64NoValStruct;
import io.fedflow.connectors.slurm.rest.v0040.model.V0042JobDescMsg;
import io.fedflow.connectors.slurm.rest.v0040.model.V0042JobInfo;
import io.fedflow.connectors.slurm.rest.v0040.model.V0042JobSubmitReq;
import io.fedflow.connectors.slurm.rest.v0040.model.V0042Node;
import io.fedflow.connectors.slurm.rest.v0040.model.V0042PartitionInfo;
import io.fedflow.connectors.slurm.rest.v0040.model.V0042ProcessExitCodeVerbose;
import io.fedflow.connectors.slurm.rest.v0040.model.V0042Uint32NoValStruct;
import io.fedflow.connectors.slurm.rest.v0040.model.V0042Uint64NoValStruct;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** fedflow's records to and from the v0.0.40 family's models. */
final class V0040Codec {
  private V0040Codec() {}

  /** The script goes inside the job; the environment is a list of {@code K=V}. */
  static V0042JobSubmitReq submission(JobRequest r) {
    List<String> env = new ArrayList<>();
    r.environment().forEach((k, v) -> env.add(k + "=" + v));
    env.sort(null);
    V0042JobDescMsg job =
        new V0042JobDescMsg()
            .name(r.name())
            .comment(r.comment())
            .script(r.script())
            .currentWorkingDirectory(r.workdir())
            .environment(env)
            .standardInput(r.stdin())
            .standardOutput(r.stdout())
            .standardError(r.stderr())
            .partition(r.partition())
            .account(r.account())
            .qos(r.qos())
            .tresPerJob(r.gpuGres() == null ? null : "gres/" + r.gpuGres())
            .array(r.array())
            .tasks(1L)
            .cpusPerTask(r.cpus() == null ? null : r.cpus().longValue())
            .memoryPerNode(
                r.memoryMebibytes() == null
                    ? null
                    : new V0042Uint64NoValStruct().set(true).number(r.memoryMebibytes()))
            .timeLimit(
                r.timeLimitMinutes() == null
                    ? null
                    : new V0042Uint32NoValStruct()
                        .set(true)
                        .number(r.timeLimitMinutes().longValue()));
    if (!r.argv().isEmpty()) {
      job.argv(new ArrayList<>(r.argv()));
    }
    return new V0042JobSubmitReq().job(job);
  }

  static JobRecord job(V0042JobInfo j) {
    V0042ProcessExitCodeVerbose ec = j.getExitCode();
    return new JobRecord(
        j.getJobId(),
        j.getName(),
        blankToNull(j.getComment()),
        j.getJobState() == null
            ? List.of()
            : j.getJobState().stream().map(s -> s.getValue().toUpperCase(Locale.ROOT)).toList(),
        ec == null ? null : returnCode(ec),
        ec == null ? null : signal(ec),
        time(j.getSubmitTime()),
        time(j.getStartTime()),
        time(j.getEndTime()),
        reason(j.getStateReason()),
        number(j.getBillableTres()),
        null,
        false,
        blankToNull(j.getUserName()),
        arrayJob(j.getArrayJobId()),
        arrayJob(j.getArrayJobId()) == null ? null : task(j.getArrayTaskId()),
        blankToNull(j.getArrayTaskString()));
  }

  /** An array's job id, or null for a job outside arrays (Slurm writes 0). */
  private static Long arrayJob(V0042Uint32NoValStruct id) {
    Long n = id == null ? null : value(id.getSet(), id.getInfinite(), id.getNumber());
    return n == null || n <= 0 ? null : n;
  }

  private static Integer task(V0042Uint32NoValStruct id) {
    Long n = id == null ? null : value(id.getSet(), id.getInfinite(), id.getNumber());
    return n == null ? null : n.intValue();
  }

  /** The return code when the job was not killed by a signal. */
  private static Integer returnCode(V0042ProcessExitCodeVerbose ec) {
    if (signal(ec) != null || ec.getReturnCode() == null) {
      return null;
    }
    Long n =
        value(
            ec.getReturnCode().getSet(),
            ec.getReturnCode().getInfinite(),
            ec.getReturnCode().getNumber());
    return n == null ? null : n.intValue();
  }

  private static Integer signal(V0042ProcessExitCodeVerbose ec) {
    if (ec.getSignal() == null || ec.getSignal().getId() == null) {
      return null;
    }
    var id = ec.getSignal().getId();
    Long n = value(id.getSet(), id.getInfinite(), id.getNumber());
    return n == null || n == 0 ? null : n.intValue();
  }

  static NodeRecord node(V0042Node n) {
    return new NodeRecord(
        n.getName(),
        n.getState() == null
            ? List.of()
            : n.getState().stream().map(s -> s.getValue().toUpperCase(Locale.ROOT)).toList(),
        n.getCpus() == null ? 0 : n.getCpus().intValue(),
        n.getAllocCpus() == null ? 0 : n.getAllocCpus().intValue(),
        n.getPartitions() == null ? List.of() : n.getPartitions(),
        GresGpus.count(n.getGres()),
        GresGpus.count(n.getGresUsed()));
  }

  static PartitionRecord partition(V0042PartitionInfo p) {
    boolean up =
        p.getPartition() != null
            && p.getPartition().getState() != null
            && p.getPartition().getState().stream().anyMatch(s -> s.getValue().equals("UP"));
    int cpus =
        p.getCpus() == null || p.getCpus().getTotal() == null
            ? 0
            : p.getCpus().getTotal().intValue();
    return new PartitionRecord(p.getName(), up, cpus);
  }

  /** A {@code {set, infinite, number}}: null unless set and finite. */
  static Long value(Boolean set, Boolean infinite, Long number) {
    return Boolean.TRUE.equals(set) && !Boolean.TRUE.equals(infinite) ? number : null;
  }

  private static Instant time(V0042Uint64NoValStruct t) {
    Long s = t == null ? null : value(t.getSet(), t.getInfinite(), t.getNumber());
    return s == null || s <= 0 ? null : Instant.ofEpochSecond(s);
  }

  private static Double number(V0042Float64NoValStruct f) {
    return f == null || !Boolean.TRUE.equals(f.getSet()) || Boolean.TRUE.equals(f.getInfinite())
        ? null
        : f.getNumber();
  }

  static String reason(String r) {
    return r == null || r.isEmpty() || r.equals("None") ? null : r;
  }

  static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
