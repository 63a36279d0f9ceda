/** The executor: drives one run by deciding, committing, then acting on the sites, in rounds. */
package io.fedflow.engine.run;
