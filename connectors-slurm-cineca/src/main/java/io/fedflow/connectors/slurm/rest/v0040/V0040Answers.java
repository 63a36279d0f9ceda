package io.fedflow.connectors.slurm.rest.v0040;

import com.fasterxml.jackson.databind.JsonNode;
import io.fedflow.connectors.slurm.rest.JobListing;
import io.fedflow.connectors.slurm.rest.JobRecord;
import io.fedflow.connectors.slurm.rest.NodeRecord;
import io.fedflow.connectors.slurm.rest.PartitionRecord;
import io.fedflow.connectors.slurm.rest.SlurmAnswers;
import io.fedflow.connectors.slurm.rest.SlurmJson;
import io.fedflow.connectors.slurm.rest.v0040.model.V0042OpenapiJobInfoResp;
import io.fedflow.connectors.slurm.rest.v0040.model.V0042OpenapiNodesResp;
import io.fedflow.connectors.slurm.rest.v0040.model.V0042OpenapiPartitionResp;
import io.fedflow.engine.connector.ConnectorException;
import java.util.List;
import java.util.Optional;

/**
 * v0.0.40, .41 and .42 answers (slurmrestd of 23.11 and later, and the {@code --json} output of the
 * same versions) read into records with the v0.0.42 models.
 */
public final class V0040Answers implements SlurmAnswers {
  public static final V0040Answers INSTANCE = new V0040Answers();

  private V0040Answers() {}

  @Override
  public List<JobRecord> jobs(String source, String body) throws ConnectorException {
    return jobs(SlurmJson.read(source, body, V0042OpenapiJobInfoResp.class, SlurmJson.MAPPER));
  }

  /**
   * slurmctld's jobs with its {@code last_update} as {@link JobListing#asOf}: the time it packed
   * the list, or 0 when it wrote none or found no job changed since the time asked; empty when the
   * answer carries errors instead. The body is parsed once, here: a listing of a busy cluster is
   * megabytes.
   */
  public Optional<JobListing> jobListing(String source, String body) throws ConnectorException {
    V0042OpenapiJobInfoResp answer =
        SlurmJson.read(source, body, V0042OpenapiJobInfoResp.class, SlurmJson.MAPPER);
    if (answer.getErrors() != null && !answer.getErrors().isEmpty()) {
      return Optional.empty();
    }
    Long asOf = answer.getLastUpdate() == null ? null : answer.getLastUpdate().getNumber();
    return Optional.of(new JobListing(false, jobs(answer), asOf == null ? 0 : asOf));
  }

  private static List<JobRecord> jobs(V0042OpenapiJobInfoResp answer) {
    return answer.getJobs() == null
        ? List.of()
        : answer.getJobs().stream().map(V0040Codec::job).toList();
  }

  @Override
  public List<JobRecord> accountingJobs(String source, String body) throws ConnectorException {
    return V0040Accounting.jobs(SlurmJson.read(source, body, JsonNode.class, SlurmJson.MAPPER));
  }

  @Override
  public List<NodeRecord> nodes(String source, String body) throws ConnectorException {
    V0042OpenapiNodesResp answer =
        SlurmJson.read(source, body, V0042OpenapiNodesResp.class, SlurmJson.MAPPER);
    return answer.getNodes() == null
        ? List.of()
        : answer.getNodes().stream().map(V0040Codec::node).toList();
  }

  @Override
  public List<PartitionRecord> partitions(String source, String body) throws ConnectorException {
    V0042OpenapiPartitionResp answer =
        SlurmJson.read(source, body, V0042OpenapiPartitionResp.class, SlurmJson.MAPPER);
    return answer.getPartitions() == null
        ? List.of()
        : answer.getPartitions().stream().map(V0040Codec::partition).toList();
  }
}
