/**
 * Templates in workflow text: {@code {{params.NAME}}}, {@code {{item}}}, {@code {{item.KEY}}},
 * {@code {{job.id}}}. Checked once per job against the names it can see; an unknown name is an
 * error, never an empty string.
 */
package io.fedflow.dag.template;
