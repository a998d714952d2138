package dev.rigor.stats;

import java.util.Arrays;
import java.util.EnumSet;
import org.apache.commons.statistics.descriptive.DoubleStatistics;
import org.apache.commons.statistics.descriptive.Statistic;

/**
 * Descriptive summary of one sample. Mean and variance come from Commons Statistics
 * {@link DoubleStatistics} (one pass), quantiles are type 7 ({@link Quantiles}), the interquartile
 * mean is {@code scipy.stats.trim_mean(x, 0.25)} ({@link TrimmedMean}).
 *
 * <p>With a single value the spread is undefined: {@code standardDeviation}, {@code standardError}
 * and {@code coefficientOfVariation} are NaN (as R's {@code sd()} is NA), every other field is the
 * value itself. Constant data give a spread of exactly 0 and a CV of 0.
 *
 * @param n number of values, at least 1
 * @param mean arithmetic mean
 * @param standardDeviation sample standard deviation (divisor n - 1); NaN when n = 1
 * @param standardError standard error of the mean, {@code sd / sqrt(n)}; NaN when n = 1
 * @param min smallest value
 * @param q1 first quartile (type 7)
 * @param median median
 * @param q3 third quartile (type 7)
 * @param max largest value
 * @param coefficientOfVariation {@code sd / |mean|} (0 if sd = 0, +&infin; if only the mean is 0); NaN when n = 1
 * @param interquartileMean 25% trimmed mean
 */
public record Summary(int n, double mean, double standardDeviation, double standardError, double min, double q1,
                      double median, double q3, double max, double coefficientOfVariation,
                      double interquartileMean) {

    public Summary {
        Require.atLeast(n, 1, "n");
        if (!(min <= q1 && q1 <= median && median <= q3 && q3 <= max)) {
            throw new IllegalArgumentException("quantiles must be ordered min <= q1 <= median <= q3 <= max; got "
                + min + ", " + q1 + ", " + median + ", " + q3 + ", " + max);
        }
        if (n > 1 && !(standardDeviation >= 0)) {
            throw new IllegalArgumentException("standardDeviation must be >= 0 when n > 1; got " + standardDeviation);
        }
    }

    /**
     * Summarises {@code values}.
     *
     * @param values finite values, at least one
     * @return the summary
     */
    public static Summary of(double[] values) {
        Require.finite(values, "values", 1);
        int n = values.length;
        DoubleStatistics moments = DoubleStatistics.of(EnumSet.of(Statistic.MEAN, Statistic.VARIANCE), values);
        double mean = moments.getAsDouble(Statistic.MEAN);
        double sd = n > 1 ? Math.sqrt(moments.getAsDouble(Statistic.VARIANCE)) : Double.NaN;
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] q = Quantiles.type7InPlace(sorted.clone(), 0.25, 0.5, 0.75);
        double cv = n > 1 ? RelativeSpread.of(sd, mean) : Double.NaN;
        return new Summary(n, mean, sd, sd / Math.sqrt(n), sorted[0], q[0], q[1], q[2], sorted[n - 1], cv,
            TrimmedMean.ofSorted(sorted, TrimmedMean.INTERQUARTILE));
    }
}
