package io.fedflow.engine;

/**
 * One transition of one job instance, as the decider decided it and the store records it: the new
 * row and the state it left, with a short reason for the event log ({@code "exit code 1, retry 2 of
 * 3 in 1m"}).
 */
public record JobChange(JobRow row, JobState from, String detail) {}
