package dev.rigor.plan;

import dev.rigor.spec.Ablation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One combination of matrix values × one ablation (seed and replicate excluded).
 *
 * @param axes the matrix values that define it, in axis order
 * @param params every parameter a trial of it gets: fixed, then axes, then ablation overrides
 * @param slug the readable part of its run ids (matrix values, sanitized)
 * @param replicated whether the spec has several replicates (run ids then carry {@code r<k>})
 */
public record Variation(int index, Map<String, Object> axes, Ablation ablation, Map<String, Object> params, String slug,
    boolean replicated) {

  public Variation {
    axes = Collections.unmodifiableMap(new LinkedHashMap<>(axes));
    params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
  }

  /** A readable label: {@code policy=full workflows=50 ablation=no_hedge}. */
  public String label() {
    StringBuilder b = new StringBuilder();
    axes.forEach((k, v) -> b.append(k).append('=').append(dev.rigor.spec.Values.text(v)).append(' '));
    return b.append("ablation=").append(ablation.name()).toString();
  }
}
