package dev.rigor.report;

import dev.rigor.store.RunStatus;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the report is about: the experiment, where and when it ran (provenance), how many runs ended
 * how, and what they cost in time.
 *
 * @param provenance labelled facts in display order (commit, host, dates, …)
 * @param counts runs (latest attempt of each trial) by status
 * @param wallSeconds total wall time of those runs
 * @param cpuSeconds total CPU time of those runs that were measured; empty when none was
 * @param notes what the reader had to work around
 */
public record ReportHeader(String name, String description, List<Fact> provenance, Map<RunStatus, Integer> counts,
    double wallSeconds, Optional<Double> cpuSeconds, Instant generatedAt, List<String> notes) {

  /** One labelled fact. */
  public record Fact(String label, String value) {}

  public ReportHeader {
    description = description == null ? "" : description;
    provenance = List.copyOf(provenance);
    EnumMap<RunStatus, Integer> c = new EnumMap<>(RunStatus.class);
    c.putAll(counts);
    counts = Collections.unmodifiableMap(c);
    notes = List.copyOf(notes);
  }

  public int runs() {
    return counts.values().stream().mapToInt(Integer::intValue).sum();
  }
}
