/**
 * Internal: the v0.0.38 family (Slurm 22.05 and 23.02): top-level {@code script}, environment as an
 * object, plain integers for times and limits, one state string, raw wait statuses.
 */
package io.fedflow.connectors.slurm.rest.v0038;
