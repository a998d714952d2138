package dev.rigor.analysis;

import java.util.Objects;

/**
 * How compare estimates, tests and decides; every field filled ({@link #defaults()} holds the defaults).
 *
 * @param ci with {@code --test none} the interval behind the verdict ({@code auto}: t below 30 runs for a mean
 *     difference, else BCa); otherwise the method of the bootstrap interval shown beside the test's own interval
 *     (BCa for auto and t)
 * @param alpha significance level of the verdicts; the CI's confidence is {@code 1 - alpha}
 * @param seed base seed of the resampling streams ({@link StreamSeeds})
 */
public record CompareSettings(EffectStatistic statistic, TestChoice test, Correction correction, IntervalChoice ci,
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

  /** Mean difference, paired-or-Welch t test with its t interval, Holm, auto (bootstrap BCa beside), alpha 0.05, 10,000 resamples, seed 1, automatic pairing. */
  /** The bootstrap method of the interval shown beside the test's: {@code --ci} when it names one, else BCa. */
  public dev.rigor.stats.IntervalMethod bootstrapMethod() {
    return ci.bootstrap().orElse(dev.rigor.stats.IntervalMethod.BCA);
  }

  public static CompareSettings defaults() {
    return new CompareSettings(EffectStatistic.MEAN_DIFF, TestChoice.T, Correction.HOLM, IntervalChoice.AUTO,
        Defaults.ALPHA, Defaults.RESAMPLES, Defaults.SEED, PairingMode.AUTO);
  }
}
