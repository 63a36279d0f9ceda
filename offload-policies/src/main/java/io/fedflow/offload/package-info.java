/**
 * Offload policies: decide where each job runs, at home while the home pool has room and bursting
 * to other sites when it does not, ranked by estimated energy and cost per task.
 *
 * <p>Empty until the placement issue lands.
 */
package io.fedflow.offload;
