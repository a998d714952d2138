package dev.rigor.analysis;

import dev.rigor.stats.Summary;

/**
 * Size, mean and standard deviation of one side of a comparison.
 *
 * @param mean NaN when n = 0
 * @param sd sample sd (divisor n - 1); NaN when n &lt; 2
 */
public record SampleStats(int n, double mean, double sd) {

  public SampleStats {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0");
    }
  }

  static SampleStats of(double[] values) {
    if (values.length == 0) {
      return new SampleStats(0, Double.NaN, Double.NaN);
    }
    Summary s = Summary.of(values);
    return new SampleStats(s.n(), s.mean(), s.standardDeviation());
  }
}
