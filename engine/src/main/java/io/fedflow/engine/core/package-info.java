/** The engine's pure core: the job life cycle, the in-memory mirror of a run, and the decider. */
package io.fedflow.engine.core;
