package dev.rigor.examples.sched;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Collects trace events up to a cap and counts all of them. */
final class TraceRecorder {
  private final int cap;
  private final List<TraceEvent> events = new ArrayList<>();
  private final Map<TraceType, Long> counts = new EnumMap<>(TraceType.class);
  private long total;

  TraceRecorder(int cap) {
    this.cap = cap;
    for (TraceType t : TraceType.values()) {
      counts.put(t, 0L);
    }
  }

  void workflow(double timeMs, TraceType type, WorkflowRun w) {
    add(new TraceEvent(timeMs, type, w.id, -1, null, null, -1, false));
  }

  void attempt(double timeMs, TraceType type, Attempt a) {
    Request r = a.request;
    add(new TraceEvent(timeMs, type, r.workflow.id, r.node.index(), r.node.kind(), a.tier,
        a.number, type == TraceType.ATTEMPT_START && a.heavyTail));
  }

  Trace freeze() {
    return new Trace(events, total, counts);
  }

  private void add(TraceEvent e) {
    total++;
    counts.merge(e.type(), 1L, Long::sum);
    if (events.size() < cap) {
      events.add(e);
    }
  }
}
