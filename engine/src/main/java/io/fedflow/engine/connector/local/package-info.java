/**
 * The local connector, the embedded default: runs each job as a process on this machine, started by
 * a spawner (or a launcher) that outlives the engine, so that a job's outcome is known after a
 * crash.
 */
package io.fedflow.engine.connector.local;
