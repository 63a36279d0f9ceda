/**
 * A workflow planned for a run: parameters bound, defaults applied, fan-outs sized but not
 * materialised, the job graph built with JGraphT. Job instances are computed on demand.
 */
package io.fedflow.dag.plan;
