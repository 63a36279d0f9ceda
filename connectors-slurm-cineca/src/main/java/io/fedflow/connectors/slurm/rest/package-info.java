/**
 * Internal: how fedflow talks to slurmrestd. {@link io.fedflow.connectors.slurm.rest.SlurmClient}
 * is the narrow interface the connector needs; one adapter per API family ({@code v0038}, {@code
 * v0040}) turns it into requests and decodes the answers with models generated at build time.
 */
package io.fedflow.connectors.slurm.rest;
