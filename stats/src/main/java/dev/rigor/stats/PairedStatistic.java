package dev.rigor.stats;

/**
 * A statistic of paired samples, evaluated by {@link Bootstrap#paired}, which resamples pairs: both
 * arrays are drawn with the same indices. Implementations may reorder the arrays only together (or
 * not at all) and must not keep them.
 */
@FunctionalInterface
public interface PairedStatistic {

    /**
     * Evaluates the statistic.
     *
     * @param x first member of each pair
     * @param y second member of each pair, same length as {@code x}
     * @return the statistic
     */
    double evaluate(double[] x, double[] y);

    /** {@code mean(x - y)}, which equals {@code mean(x) - mean(y)}. */
    static PairedStatistic meanDifference() {
        return BuiltinPairedStatistic.MEAN_DIFFERENCE;
    }

    /** {@code median(x - y)}: the median of the paired differences. */
    static PairedStatistic medianOfDifferences() {
        return BuiltinPairedStatistic.MEDIAN_OF_DIFFERENCES;
    }

    /** {@code mean(x) / mean(y)}. */
    static PairedStatistic ratioOfMeans() {
        return BuiltinPairedStatistic.RATIO_OF_MEANS;
    }
}
