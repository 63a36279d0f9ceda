package io.fedflow.engine.connector;

/**
 * A job as a site knows it: the site's own id for it ({@code 1234} in Slurm, {@code 56.0} in
 * HTCondor, a pid and start time locally) and the submission token it was given.
 */
public record SiteJob(String site, String nativeId, String token) {}
