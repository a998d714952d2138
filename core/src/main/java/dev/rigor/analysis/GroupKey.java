package dev.rigor.analysis;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The values of the grouping attributes shared by a group's runs, e.g. {@code policy=full, workflows=50}. */
public record GroupKey(Map<String, String> values) {

  /** The key of the single group of {@code --by none}. */
  public static final GroupKey ALL = new GroupKey(Map.of());

  public GroupKey {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }

  /** {@code policy=full, workflows=50}, or {@code all} for the single group. */
  public String label() {
    return values.isEmpty() ? "all" : values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** This key as a selector (its runs are exactly those the selector matches among the grouped runs). */
  public Selector selector() {
    return Selector.of(values);
  }
}
