/**
 * Benchmarks behind docs/benchmarks.md, run by {@code scripts/bench.sh}: each case runs in a fresh
 * JVM with a capped heap, so its figures include what a user of the CLI pays (class loading, JIT).
 */
package io.fedflow.benchmarks;
