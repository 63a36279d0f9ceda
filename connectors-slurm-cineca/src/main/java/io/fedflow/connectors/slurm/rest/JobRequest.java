package io.fedflow.connectors.slurm.rest;

import java.util.List;
import java.util.Map;

/**
 * A batch job to submit, in fedflow's words; each adapter writes it in its version's JSON. Optional
 * fields are null.
 *
 * @param name the job's name (fedflow puts the submission token here)
 * @param comment a free comment
 * @param script the batch script's text
 * @param argv the batch script's arguments, {@code argv[0]} being its name
 * @param environment the job's whole environment (Slurm adds nothing from the submitter over REST)
 * @param memoryMebibytes memory for the job on its node
 * @param timeLimitMinutes walltime, rounded up to whole minutes
 * @param gpuModel a GPU type such as {@code a100}, or null for any
 * @param array the task ids of a job array as Slurm's {@code --array} writes them ({@code 0-49},
 *     {@code 0,2,5-9}), or null for a plain job; each task gets its id in {@code
 *     SLURM_ARRAY_TASK_ID}
 */
public record JobRequest(
    String name,
    String comment,
    String script,
    List<String> argv,
    Map<String, String> environment,
    String workdir,
    String stdin,
    String stdout,
    String stderr,
    Integer cpus,
    Integer gpus,
    String gpuModel,
    Long memoryMebibytes,
    Integer timeLimitMinutes,
    String partition,
    String account,
    String qos,
    String array) {

  public JobRequest {
    if (name == null || script == null || workdir == null) {
      throw new IllegalArgumentException("a Slurm job needs a name, a script and a workdir");
    }
    argv = argv == null ? List.of() : List.copyOf(argv);
    environment = environment == null ? Map.of() : Map.copyOf(environment);
  }

  /**
   * Another job with this one's settings (environment, folders, resources, partition, account,
   * qos): {@code ArrayBatcher} fills in the script of a plain job, or makes one array of many.
   *
   * @param array the array's task ids, or null for a plain job
   */
  public JobRequest withJob(String name, String comment, String script, String array) {
    return new JobRequest(
        name,
        comment,
        script,
        argv,
        environment,
        workdir,
        stdin,
        stdout,
        stderr,
        cpus,
        gpus,
        gpuModel,
        memoryMebibytes,
        timeLimitMinutes,
        partition,
        account,
        qos,
        array);
  }

  /** The GPUs as Slurm writes a GRES: {@code gpu:2} or {@code gpu:a100:2}; null without GPUs. */
  public String gpuGres() {
    if (gpus == null || gpus == 0) {
      return null;
    }
    return gpuModel == null ? "gpu:" + gpus : "gpu:" + gpuModel + ":" + gpus;
  }
}
