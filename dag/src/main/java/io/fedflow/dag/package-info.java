/**
 * The workflow model: a named DAG of jobs as immutable records, built from YAML ({@code yaml}) or
 * the Java DSL ({@link io.fedflow.dag.Workflow#named}), and expanded into a plan ({@code plan}).
 *
 * <p>Optional fields are {@code null} when unset, so that workflow defaults can fill them; every
 * record checks its own invariants in its compact constructor.
 */
package io.fedflow.dag;
