package dev.rigor.examples.sched;

/**
 * What one workflow experienced. Times are simulated milliseconds since the first arrival.
 *
 * @param cost US dollars paid for every started attempt, including lost hedges and abandoned
 *     attempts
 * @param attempts started attempts (requests plus hedges plus escalation replacements)
 * @param cancelled attempts stopped by the scheduler (lost hedge races, abandoned on escalation)
 * @param heavyTailAttempts attempts that drew a stall
 * @param idealMs expected makespan on an idle system at the cheapest tiers, for slowdown ratios
 */
public record WorkflowResult(
    int id, double arrivalMs, double finishMs, double makespanMs, double cost, int requests,
    int attempts, int hedges, int escalations, int cancelled, int heavyTailAttempts,
    double idealMs) {}
