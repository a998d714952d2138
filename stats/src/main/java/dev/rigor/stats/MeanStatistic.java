package dev.rigor.stats;

/**
 * A statistic that is a function of column means only, so the bootstrap can resample it by summing
 * indexed values (no copies) and jackknife it in O(n). The columns are those of the design: one sample
 * {@code [x]}; paired {@code [x, y]} in one group; two samples {@code [x]} and {@code [y]}.
 */
@FunctionalInterface
interface MeanStatistic {

    /** The statistic from the column means, in design order. */
    double fromMeans(double[] means);
}
