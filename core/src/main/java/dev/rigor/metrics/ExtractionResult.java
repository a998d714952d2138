package dev.rigor.metrics;

import dev.rigor.store.RunMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Accumulates extracted values and missing metrics while the extractors run. */
final class ExtractionResult {

  final Map<String, Object> values = new LinkedHashMap<>();
  final List<RunMetrics.Missing> missing = new ArrayList<>();

  void put(String name, Object value) {
    values.put(name, value);
  }

  void missing(String metric, String source, String reason) {
    missing.add(new RunMetrics.Missing(metric, source, reason));
  }

  RunMetrics toRunMetrics() {
    return new RunMetrics(values, missing);
  }
}
