package dev.rigor.stats;

/** Which direction of a metric is an improvement (a spec's {@code goals: {metric: min|max}}). */
public enum Goal {
    /** Larger values are better (reward, throughput). */
    MAXIMIZE,
    /** Smaller values are better (latency, cost, makespan). */
    MINIMIZE
}
