/**
 * The {@code slurm} site type: a {@link io.fedflow.engine.connector.Connector} that submits, polls,
 * finds and cancels jobs through slurmrestd (the transport is in the {@code rest} package).
 */
package io.fedflow.connectors.slurm;
