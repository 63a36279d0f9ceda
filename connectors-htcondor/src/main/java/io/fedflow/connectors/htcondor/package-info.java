/**
 * The HTCondor connector: submits and follows jobs on HTCondor pools (INFN CNAF Tier-1) through an
 * HTCondor REST bridge written with Jersey.
 *
 * <p>Empty until the HTCondor issue lands.
 */
package io.fedflow.connectors.htcondor;
