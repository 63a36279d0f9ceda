/**
 * The connector interface: the one narrow door through which every backend (local processes,
 * HTCondor, Slurm, clouds) plugs into the engine, found through {@link java.util.ServiceLoader} by
 * site type. Designed for remote, slow, flaky schedulers that are polled in batches.
 */
package io.fedflow.engine.connector;
