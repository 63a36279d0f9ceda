/**
 * The engine: drives runs of workflows to the end, with their state in H2, crash-safe.
 *
 * <p>Lands with the engine issue: the job state machine, the decider and executor, and the
 * connector interface through which every backend plugs in.
 */
package io.fedflow.engine;
