/**
 * Internal: the v0.0.40 family (Slurm 23.11 to 25.x, v0.0.40, .41 and .42): {@code job.script},
 * environment as a list, {@code {set, infinite, number}} for times and limits, lists of states,
 * exit codes as objects, trailing slashes on collections. It decodes every version with the v0.0.42
 * models: the fields fedflow reads have the same shape in all three.
 */
package io.fedflow.connectors.slurm.rest.v0040;
