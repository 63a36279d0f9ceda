/**
 * The SSH transport of the {@code slurm} site type, for sites without slurmrestd (CINECA's
 * Leonardo): Slurm's own commands ({@code sbatch --parsable}, {@code squeue --json}, {@code sacct
 * --json}, {@code scancel}, {@code sinfo}/{@code scontrol --json}) run on a login node through the
 * system's {@code ssh}, one ControlMaster connection serving them all. Their JSON is read by the
 * same readers as slurmrestd's answers ({@link io.fedflow.connectors.slurm.rest.SlurmAnswers}).
 */
package io.fedflow.connectors.slurm.ssh;
