package dev.rigor.stats;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Precision of the mean as a function of the number of runs, n = 2..maxN (see {@link VarianceVsN}).
 *
 * @param mean mean of all data (the denominator of every relative value)
 * @param sampleSize number of observations the curve was computed from
 * @param points one point per n, ascending from n = 2
 */
public record VarianceCurve(double mean, int sampleSize, List<VariancePoint> points) {

    public VarianceCurve {
        Require.finite(mean, "mean");
        Require.atLeast(sampleSize, 2, "sampleSize");
        points = List.copyOf(Objects.requireNonNull(points, "points"));
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i).n() != i + 2) {
                throw new IllegalArgumentException("points must cover n = 2, 3, ... in order; point " + i
                    + " has n = " + points.get(i).n());
            }
        }
    }

    /**
     * The smallest n from which the curve stays at or below {@code threshold} for every larger n up to
     * maxN — not the first n that dips below it, which Monte Carlo noise can make too optimistic.
     *
     * @param measure which curve
     * @param bound central line or (conservative) upper band
     * @param threshold e.g. 0.05 for 5%
     * @return the minimum n, or empty if the curve is above the threshold at maxN
     */
    public OptionalInt minimumN(VarianceMeasure measure, CurveBound bound, double threshold) {
        Objects.requireNonNull(measure, "measure");
        Objects.requireNonNull(bound, "bound");
        if (Double.isNaN(threshold)) {
            throw new IllegalArgumentException("threshold must not be NaN");
        }
        int minimum = -1;
        for (int i = points.size() - 1; i >= 0; i--) {
            if (points.get(i).value(measure, bound) > threshold) {
                break;
            }
            minimum = points.get(i).n();
        }
        return minimum < 0 ? OptionalInt.empty() : OptionalInt.of(minimum);
    }
}
