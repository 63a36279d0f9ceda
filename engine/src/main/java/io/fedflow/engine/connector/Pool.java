package io.fedflow.engine.connector;

/**
 * One pool of a site's machines, such as a Slurm partition: its cpus and GPUs, in all and free now,
 * for placement to weigh a site's room beyond the jobs it accepts.
 */
public record Pool(String name, int freeCpus, int totalCpus, int freeGpus, int totalGpus) {}
