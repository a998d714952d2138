package dev.rigor.examples.sched;

/**
 * What one provider tier did during the run.
 *
 * @param queueWaitP95Ms 95th percentile (type 7) of time spent in this tier's queue, over every
 *     attempt that entered it; 0 when none did
 * @param utilization busy slot-time over concurrency × run length (0..1)
 * @param inFlightAvg mean number of attempts in flight (utilization × concurrency)
 * @param attempts attempts started on this tier
 * @param cancelled attempts stopped on this tier by the scheduler
 * @param cost US dollars paid to this tier
 */
public record TierResult(
    Tier tier, double queueWaitP95Ms, double utilization, double inFlightAvg, int attempts,
    int cancelled, double cost) {}
