/** The engine's durable state: the H2 database, its schema, the run store and the run lock. */
package io.fedflow.engine.store;
