/**
 * Internal: how fedflow talks to slurmrestd. {@link io.fedflow.connectors.slurm.rest.SlurmClient}
 * is the narrow interface the connector needs; {@link io.fedflow.connectors.slurm.rest.SlurmRest}
 * turns it into requests over the {@link io.fedflow.connectors.slurm.rest.RestFamily} of the
 * server's API version ({@code v0038}, {@code v0040}), which writes and reads the bodies with
 * models generated at build time.
 */
package io.fedflow.connectors.slurm.rest;
