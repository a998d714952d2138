package dev.rigor.examples.sched;

/**
 * One entry of the event trace.
 *
 * @param request DAG node index, or -1 for workflow events
 * @param kind null for workflow events
 * @param tier the tier involved (for escalation: the tier moved to), null for workflow events
 * @param attempt attempt number within the request, or -1 for workflow events
 * @param heavyTail whether a started attempt drew a stall
 */
public record TraceEvent(
    double timeMs, TraceType type, int workflow, int request, RequestKind kind, Tier tier,
    int attempt, boolean heavyTail) {}
