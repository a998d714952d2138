package dev.rigor.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metrics of one run ({@code metrics.json}, schema {@value #SCHEMA}): extracted values (numbers,
 * booleans or text) and every declared metric that could not be extracted, with the reason —
 * a missing metric is reported, never silently zero.
 */
public record RunMetrics(String schema, Map<String, Object> values, List<Missing> missing) {

  public static final String SCHEMA = "rigor.metrics/1";
  public static final RunMetrics EMPTY = new RunMetrics(SCHEMA, Map.of(), List.of());

  /** A declared metric (or metric source) that produced nothing. */
  public record Missing(String metric, String source, String reason) {}

  public RunMetrics {
    schema = schema == null ? SCHEMA : schema;
    values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    missing = missing == null ? List.of() : List.copyOf(missing);
  }

  public RunMetrics(Map<String, Object> values, List<Missing> missing) {
    this(SCHEMA, values, missing);
  }
}
