package dev.rigor.stats;

/**
 * A statistic comparing two independent samples, evaluated by {@link Bootstrap#twoSample}, which
 * resamples each sample separately. Implementations may reorder either array and must not keep them.
 */
@FunctionalInterface
public interface TwoSampleStatistic {

    /**
     * Evaluates the statistic.
     *
     * @param x first sample
     * @param y second sample (its length may differ)
     * @return the statistic
     */
    double evaluate(double[] x, double[] y);

    /** {@code mean(x) - mean(y)}. */
    static TwoSampleStatistic meanDifference() {
        return BuiltinTwoSampleStatistic.MEAN_DIFFERENCE;
    }

    /** {@code median(x) - median(y)}. */
    static TwoSampleStatistic medianDifference() {
        return BuiltinTwoSampleStatistic.MEDIAN_DIFFERENCE;
    }

    /** {@code mean(x) / mean(y)}. */
    static TwoSampleStatistic ratioOfMeans() {
        return BuiltinTwoSampleStatistic.RATIO_OF_MEANS;
    }
}
