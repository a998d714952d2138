package dev.rigor.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a {@link Trial} returns: its metrics (nested maps are flattened with dots, like a JSON
 * metrics file) and whether it succeeded.
 */
public final class TrialResult {

  private final Map<String, Object> metrics;
  private final String failure;

  private TrialResult(Map<String, ?> metrics, String failure) {
    this.metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    this.failure = failure;
  }

  /** A successful run with these metrics. */
  public static TrialResult ok(Map<String, ?> metrics) {
    return new TrialResult(metrics, null);
  }

  /** A run that completed but did not succeed (status {@code failed}), with why and whatever metrics it has. */
  public static TrialResult failed(String why, Map<String, ?> metrics) {
    if (why == null || why.isBlank()) {
      throw new IllegalArgumentException("say why the trial failed");
    }
    return new TrialResult(metrics, why);
  }

  public Map<String, Object> metrics() {
    return metrics;
  }

  /** Why the run failed, or {@code null} when it succeeded. */
  public String failure() {
    return failure;
  }
}
