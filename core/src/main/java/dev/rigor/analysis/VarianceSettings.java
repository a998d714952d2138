package dev.rigor.analysis;

/**
 * How {@code rigor variance} computes its curves.
 *
 * @param threshold the relative precision wanted, e.g. 0.05 for 5%
 * @param maxN the largest n of the curve; 0 for the default {@code max(N, 50)}
 * @param subsamples bootstrap subsamples per n
 * @param confidence confidence of the CI whose relative half-width is the second measure
 */
public record VarianceSettings(double threshold, int maxN, int subsamples, double confidence, long seed) {

  public VarianceSettings {
    if (!(threshold > 0)) {
      throw new IllegalArgumentException("--threshold must be > 0, e.g. 0.05 for 5%; got " + threshold);
    }
    if (maxN != 0 && maxN < 2) {
      throw new IllegalArgumentException("--max-n must be at least 2; got " + maxN);
    }
    if (subsamples < 100) {
      throw new IllegalArgumentException("--subsamples must be at least 100; got " + subsamples);
    }
  }

  public static VarianceSettings defaults() {
    return new VarianceSettings(Defaults.VARIANCE_THRESHOLD, 0, Defaults.VARIANCE_SUBSAMPLES, Defaults.CONFIDENCE, Defaults.SEED);
  }

  /** The curve's largest n for N observations. */
  int maxNFor(int observations) {
    return maxN != 0 ? maxN : Math.max(observations, Defaults.VARIANCE_MAX_N);
  }
}
