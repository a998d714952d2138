package dev.rigor.examples.sched;

/**
 * Sample quantiles by linear interpolation between order statistics: Hyndman and Fan (1996)
 * definition 7, the default of R's {@code quantile()} and of NumPy's {@code percentile()}.
 * Seed 004's simulator took the nearest order statistic, which made p95 equal p99 on small runs.
 */
final class Percentiles {
  private Percentiles() {}

  /**
   * The {@code p}-quantile of ascending {@code sorted} values.
   *
   * @param p in [0, 1]
   * @throws IllegalArgumentException when there are no values or p is out of range
   */
  static double type7(double[] sorted, double p) {
    if (sorted.length == 0) {
      throw new IllegalArgumentException("no values");
    }
    if (!(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("p must be in [0, 1]: " + p);
    }
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }
}
