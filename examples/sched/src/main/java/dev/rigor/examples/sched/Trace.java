package dev.rigor.examples.sched;

import java.util.List;
import java.util.Map;

/**
 * A bounded event trace: the first {@code events.size()} events in time order and how many of
 * each type happened in total, so trace files stay small whatever the run size.
 */
public record Trace(List<TraceEvent> events, long totalEvents, Map<TraceType, Long> counts) {
  public Trace {
    events = List.copyOf(events);
    counts = Map.copyOf(counts);
  }

  public boolean truncated() {
    return totalEvents > events.size();
  }
}
