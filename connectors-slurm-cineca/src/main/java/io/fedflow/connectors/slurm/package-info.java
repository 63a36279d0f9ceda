/**
 * The Slurm connector: submits and follows jobs on Slurm sites such as CINECA Leonardo, through
 * slurmrestd (package {@code rest}, models generated from its OpenAPI documents).
 *
 * <p>The transport is in {@code rest}; the {@code Connector} over it is still to come.
 */
package io.fedflow.connectors.slurm;
