package io.fedflow.connectors.slurm.rest;

/** A partition: its name, whether it is up, and its cpus in all. */
public record PartitionRecord(String name, boolean up, int totalCpus) {}
