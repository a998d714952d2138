package dev.rigor.adaptive;

import dev.rigor.store.AdaptiveFile;
import java.util.List;

/**
 * Whether one variation's answer is clear after a round, with every metric's anytime-valid interval.
 *
 * @param why in words: which metric is still unclear and by how much, or what was decided
 */
public record Verdict(Observed variation, boolean clear, String why, List<AdaptiveFile.MetricState> metrics) {

  public Verdict {
    metrics = List.copyOf(metrics);
  }
}
