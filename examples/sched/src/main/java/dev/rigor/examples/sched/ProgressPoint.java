package dev.rigor.examples.sched;

/**
 * A snapshot of a run in progress, for series metrics.
 *
 * @param step simulated milliseconds since the first arrival, rounded; strictly increasing
 * @param costUsd cumulative cost of all attempts started so far
 */
public record ProgressPoint(long step, int completedWorkflows, double costUsd) {}
