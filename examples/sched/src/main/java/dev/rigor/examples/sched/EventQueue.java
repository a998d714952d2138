package dev.rigor.examples.sched;

import java.util.PriorityQueue;

/** Pending events in simulated-time order; ties go in scheduling order, so runs are repeatable. */
final class EventQueue {
  /** One pending event; only the fields its kind needs are set. */
  record Event(double timeMs, long seq, EventKind kind, WorkflowRun workflow, Attempt attempt,
      Tier tier) {}

  private final PriorityQueue<Event> queue = new PriorityQueue<>((a, b) -> {
    int byTime = Double.compare(a.timeMs(), b.timeMs());
    return byTime != 0 ? byTime : Long.compare(a.seq(), b.seq());
  });
  private long seq;

  void at(double timeMs, EventKind kind, WorkflowRun workflow, Attempt attempt, Tier tier) {
    queue.add(new Event(timeMs, seq++, kind, workflow, attempt, tier));
  }

  Event poll() {
    return queue.poll();
  }

  boolean isEmpty() {
    return queue.isEmpty();
  }
}
