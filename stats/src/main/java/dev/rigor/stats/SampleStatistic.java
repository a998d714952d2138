package dev.rigor.stats;

/**
 * A statistic of one sample, evaluated by {@link Bootstrap#oneSample} on the original data and on every
 * resample. Implementations may reorder the array they are given (it is a private buffer, reused
 * between resamples) but must not keep it.
 */
@FunctionalInterface
public interface SampleStatistic {

    /**
     * Evaluates the statistic.
     *
     * @param sample the values; may be reordered in place
     * @return the statistic
     */
    double evaluate(double[] sample);

    /** The arithmetic mean (resampled by summing indexed values, with no copying). */
    static SampleStatistic mean() {
        return BuiltinSampleStatistic.MEAN;
    }

    /** The median (type 7, i.e. the mean of the two middle values for even n). */
    static SampleStatistic median() {
        return BuiltinSampleStatistic.MEDIAN;
    }
}
