package dev.rigor.adaptive;

import java.util.Arrays;

/**
 * One metric of one variation: a value per seed, sorted by seed (so two variations pair by seed).
 *
 * @param seeds ascending, distinct
 * @param values {@code values[i]} was measured with {@code seeds[i]}
 */
public record SeedValues(long[] seeds, double[] values) {

  public SeedValues {
    if (seeds.length != values.length) {
      throw new IllegalArgumentException("one value per seed");
    }
  }

  public int size() {
    return seeds.length;
  }

  /** The differences {@code this − control} over the seeds both have. */
  public double[] pairedMinus(SeedValues control) {
    double[] d = new double[Math.min(size(), control.size())];
    int n = 0;
    int i = 0;
    int j = 0;
    while (i < seeds.length && j < control.seeds.length) {
      if (seeds[i] == control.seeds[j]) {
        d[n++] = values[i++] - control.values[j++];
      } else if (seeds[i] < control.seeds[j]) {
        i++;
      } else {
        j++;
      }
    }
    return Arrays.copyOf(d, n);
  }
}
