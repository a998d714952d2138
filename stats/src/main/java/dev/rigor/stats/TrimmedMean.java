package dev.rigor.stats;

import java.util.Arrays;

/**
 * Trimmed means as {@code scipy.stats.trim_mean}: sort, cut {@code floor(proportion * n)} values from
 * each end, average the rest. The interquartile mean (IQM) cuts 25% from each end, as in Agarwal et
 * al. (2021), "Deep Reinforcement Learning at the Edge of the Statistical Precipice", NeurIPS.
 */
public final class TrimmedMean {
    /** The proportion cut from each end for the interquartile mean. */
    public static final double INTERQUARTILE = 0.25;

    private TrimmedMean() {
    }

    /**
     * The mean after cutting {@code floor(proportionToCut * n)} values from each end.
     *
     * @param values finite values, at least one
     * @param proportionToCut in [0, 0.5)
     * @return the trimmed mean
     */
    public static double of(double[] values, double proportionToCut) {
        Require.finite(values, "values", 1);
        if (!(proportionToCut >= 0 && proportionToCut < 0.5)) {
            throw new IllegalArgumentException("proportionToCut must be in [0, 0.5); got " + proportionToCut);
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return ofSorted(sorted, proportionToCut);
    }

    /**
     * The interquartile mean: the mean of the middle 50% ({@code trim_mean(x, 0.25)}).
     *
     * @param values finite values, at least one
     * @return the IQM; for fewer than 4 values nothing is cut and this is the mean
     */
    public static double interquartileMean(double[] values) {
        return of(values, INTERQUARTILE);
    }

    /** The trimmed mean of values already sorted ascending. */
    static double ofSorted(double[] sorted, double proportionToCut) {
        int n = sorted.length;
        int cut = (int) (proportionToCut * n);
        double sum = 0;
        for (int i = cut; i < n - cut; i++) {
            sum += sorted[i];
        }
        return sum / (n - 2 * cut);
    }
}
