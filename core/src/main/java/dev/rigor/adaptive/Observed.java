package dev.rigor.adaptive;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one variation has measured so far.
 *
 * @param label {@code axis=value … ablation=name}
 * @param seeds seeds assigned to it so far
 * @param metrics each adaptive metric's values by seed (ok runs only)
 */
public record Observed(String label, Map<String, String> axes, int seeds, Map<String, SeedValues> metrics) {

  public Observed {
    axes = Collections.unmodifiableMap(new LinkedHashMap<>(axes));
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }
}
