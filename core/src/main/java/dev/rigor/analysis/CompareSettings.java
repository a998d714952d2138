package dev.rigor.analysis;

import dev.rigor.stats.IntervalMethod;
import java.util.Objects;

/**
 * How compare estimates, tests and decides; every field filled ({@link #defaults()} holds the defaults).
 *
 * @param ci the bootstrap interval shown for the effect
 * @param alpha significance level of the verdicts; the CI's confidence is {@code 1 - alpha}
 * @param seed base seed of the resampling streams ({@link StreamSeeds})
 */
public record CompareSettings(EffectStatistic statistic, TestChoice test, Correction correction, IntervalMethod ci,
    double alpha, int resamples, long seed, PairingMode pairing) {

  public CompareSettings {
    Objects.requireNonNull(statistic, "statistic");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(correction, "correction");
    Objects.requireNonNull(ci, "ci");
    Objects.requireNonNull(pairing, "pairing");
    if (!(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("--alpha must be in (0, 1), e.g. 0.05; got " + alpha);
    }
    if (resamples < 100) {
      throw new IllegalArgumentException("--resamples must be at least 100 (10000 recommended); got " + resamples);
    }
  }

  /** Mean difference, paired-or-Welch t test, Holm, BCa, alpha 0.05, 10,000 resamples, seed 1, automatic pairing. */
  public static CompareSettings defaults() {
    return new CompareSettings(EffectStatistic.MEAN_DIFF, TestChoice.T, Correction.HOLM, IntervalMethod.BCA,
        Defaults.ALPHA, Defaults.RESAMPLES, Defaults.SEED, PairingMode.AUTO);
  }
}
