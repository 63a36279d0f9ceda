/**
 * A site that runs nothing: jobs end as its settings say, for tests and benchmarks (type memory).
 */
package io.fedflow.engine.connector.memory;
