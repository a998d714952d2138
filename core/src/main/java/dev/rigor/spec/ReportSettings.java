package dev.rigor.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The optional {@code report:} section: the axis to facet charts by, the control variation that
 * comparisons are made against, and the metrics to show (all when empty).
 */
public record ReportSettings(String facet, Map<String, Object> control, List<String> metrics) {

  public static final ReportSettings DEFAULT = new ReportSettings(null, Map.of(), List.of());

  public ReportSettings {
    control = Collections.unmodifiableMap(new LinkedHashMap<>(control));
    metrics = List.copyOf(metrics);
  }
}
