package io.fedflow.connectors.slurm.rest.v0038;

import io.fedflow.connectors.slurm.rest.JobRecord;
import io.fedflow.connectors.slurm.rest.NodeRecord;
import io.fedflow.connectors.slurm.rest.PartitionRecord;
import io.fedflow.connectors.slurm.rest.SlurmAnswers;
import io.fedflow.connectors.slurm.rest.SlurmJson;
import io.fedflow.connectors.slurm.rest.v0038.model.Dbv0038JobInfo;
import io.fedflow.connectors.slurm.rest.v0038.model.V0038JobsResponse;
import io.fedflow.connectors.slurm.rest.v0038.model.V0038NodesResponse;
import io.fedflow.connectors.slurm.rest.v0038.model.V0038PartitionsResponse;
import io.fedflow.engine.connector.ConnectorException;
import java.util.List;

/** v0.0.38 answers (slurmrestd of 22.05, and 22.05's {@code --json}) read into records. */
public final class V0038Answers implements SlurmAnswers {
  public static final V0038Answers INSTANCE = new V0038Answers();

  private V0038Answers() {}

  @Override
  public List<JobRecord> jobs(String source, String body) throws ConnectorException {
    V0038JobsResponse answer =
        SlurmJson.read(source, body, V0038JobsResponse.class, V0038Quirks.MAPPER);
    return answer.getJobs() == null
        ? List.of()
        : answer.getJobs().stream().map(V0038Codec::job).toList();
  }

  @Override
  public List<JobRecord> accountingJobs(String source, String body) throws ConnectorException {
    Dbv0038JobInfo answer = SlurmJson.read(source, body, Dbv0038JobInfo.class, V0038Quirks.MAPPER);
    return answer.getJobs() == null
        ? List.of()
        : answer.getJobs().stream().map(V0038Codec::accountingJob).toList();
  }

  @Override
  public List<NodeRecord> nodes(String source, String body) throws ConnectorException {
    V0038NodesResponse answer =
        SlurmJson.read(source, body, V0038NodesResponse.class, V0038Quirks.MAPPER);
    return answer.getNodes() == null
        ? List.of()
        : answer.getNodes().stream().map(V0038Codec::node).toList();
  }

  @Override
  public List<PartitionRecord> partitions(String source, String body) throws ConnectorException {
    V0038PartitionsResponse answer =
        SlurmJson.read(source, body, V0038PartitionsResponse.class, V0038Quirks.MAPPER);
    return answer.getPartitions() == null
        ? List.of()
        : answer.getPartitions().stream().map(V0038Codec::partition).toList();
  }
}
