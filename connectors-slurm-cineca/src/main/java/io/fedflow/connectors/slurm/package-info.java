/**
 * The Slurm connector: submits and follows jobs on Slurm sites such as CINECA Leonardo, through
 * slurmrestd (a client generated from its OpenAPI documents) or over SSH.
 *
 * <p>Empty until the Slurm issue lands.
 */
package io.fedflow.connectors.slurm;
