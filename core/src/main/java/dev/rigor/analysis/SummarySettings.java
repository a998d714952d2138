package dev.rigor.analysis;

import java.util.Objects;

/** How summary computes its intervals; {@link #defaults()} holds the defaults. */
public record SummarySettings(IntervalChoice ci, double confidence, int resamples, long seed) {

  public SummarySettings {
    Objects.requireNonNull(ci, "ci");
    if (!(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("--confidence must be in (0, 1), e.g. 0.95; got " + confidence);
    }
    if (resamples < 100) {
      throw new IllegalArgumentException("--resamples must be at least 100 (10000 recommended); got " + resamples);
    }
  }

  /** The small-sample rule ({@link IntervalChoice#AUTO}) at 95%, 10,000 resamples, seed 1. */
  public static SummarySettings defaults() {
    return new SummarySettings(IntervalChoice.AUTO, Defaults.CONFIDENCE, Defaults.RESAMPLES, Defaults.SEED);
  }
}
