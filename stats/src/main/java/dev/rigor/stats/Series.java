package dev.rigor.stats;

import java.util.Arrays;
import java.util.Objects;

/**
 * A metric series (step → value) and its scalar summaries: final, max, min, mean, mean of the last k
 * points, area under the curve over a window, least-squares slope.
 *
 * @param steps strictly increasing finite steps, at least one
 * @param values finite values, one per step
 */
public record Series(double[] steps, double[] values) {

    public Series {
        Require.finite(steps, "steps", 1);
        Require.finite(values, "values", 1);
        if (steps.length != values.length) {
            throw new IllegalArgumentException("steps and values must have the same length; got " + steps.length
                + " steps and " + values.length + " values");
        }
        for (int i = 1; i < steps.length; i++) {
            if (!(steps[i] > steps[i - 1])) {
                throw new IllegalArgumentException("steps must be strictly increasing; step[" + i + "] = " + steps[i]
                    + " follows " + steps[i - 1] + " (sort the series and merge duplicate steps first)");
            }
        }
        steps = steps.clone();
        values = values.clone();
    }

    /** A copy of the steps. */
    @Override
    public double[] steps() {
        return steps.clone();
    }

    /** A copy of the values. */
    @Override
    public double[] values() {
        return values.clone();
    }

    /** Number of points. */
    public int size() {
        return steps.length;
    }

    /** The value at the last step. */
    public double finalValue() {
        return values[values.length - 1];
    }

    /** The largest value. */
    public double max() {
        return Arrays.stream(values).max().orElseThrow();
    }

    /** The smallest value. */
    public double min() {
        return Arrays.stream(values).min().orElseThrow();
    }

    /** The arithmetic mean of the values (unweighted by step spacing; see {@link #auc} for that). */
    public double mean() {
        return Moments.of(values).mean();
    }

    /**
     * The mean of the last {@code k} values.
     *
     * @param k number of points, 1..size
     */
    public double meanOfLast(int k) {
        if (k < 1 || k > values.length) {
            throw new IllegalArgumentException("k must be in [1, " + values.length + "] (the series has "
                + values.length + " points); got " + k);
        }
        return Moments.of(Arrays.copyOfRange(values, values.length - k, values.length)).mean();
    }

    /**
     * Ordinary least-squares slope of value on step, {@code S_xy / S_xx} (centred sums).
     *
     * @throws IllegalArgumentException with fewer than 2 points
     */
    public double slope() {
        if (steps.length < 2) {
            throw new IllegalArgumentException("a slope needs at least 2 points; the series has " + steps.length);
        }
        double meanStep = Moments.of(steps).mean();
        double meanValue = Moments.of(values).mean();
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < steps.length; i++) {
            double dx = steps[i] - meanStep;
            sxy += dx * (values[i] - meanValue);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }

    /**
     * Normalised area under the curve over {@code window}: the trapezoid integral of the linearly
     * interpolated series from {@code from} to {@code to} divided by {@code to - from}, i.e. the
     * time-weighted mean value over the window. Values at the window edges are interpolated linearly
     * between neighbouring points. A zero-width window gives the interpolated value there.
     *
     * @throws IllegalArgumentException if the window reaches outside the series' steps (no extrapolation)
     */
    public double auc(StepWindow window) {
        Objects.requireNonNull(window, "window");
        double first = steps[0];
        double last = steps[steps.length - 1];
        double[] range = window.resolve(first, last);
        double from = range[0];
        double to = range[1];
        if (from < first || to > last) {
            throw new IllegalArgumentException("window [" + from + ", " + to + "] reaches outside the series' steps ["
                + first + ", " + last + "]; values are not extrapolated");
        }
        if (from == to) {
            return interpolate(from);
        }
        double area = 0;
        double previousStep = from;
        double previousValue = interpolate(from);
        for (int i = 0; i < steps.length; i++) {
            if (steps[i] <= from) {
                continue;
            }
            if (steps[i] >= to) {
                break;
            }
            area += (steps[i] - previousStep) * (values[i] + previousValue) / 2;
            previousStep = steps[i];
            previousValue = values[i];
        }
        area += (to - previousStep) * (interpolate(to) + previousValue) / 2;
        return area / (to - from);
    }

    /**
     * The observed points whose steps lie in {@code window} (no interpolated points), for the other
     * summaries over a window, e.g. {@code series.within(StepWindow.lastFraction(0.25)).max()}.
     *
     * @throws IllegalArgumentException if no point lies in the window
     */
    public Series within(StepWindow window) {
        Objects.requireNonNull(window, "window");
        double[] range = window.resolve(steps[0], steps[steps.length - 1]);
        int from = 0;
        while (from < steps.length && steps[from] < range[0]) {
            from++;
        }
        int to = from;
        while (to < steps.length && steps[to] <= range[1]) {
            to++;
        }
        if (from == to) {
            throw new IllegalArgumentException("no point of the series lies in the window [" + range[0] + ", "
                + range[1] + "]");
        }
        return new Series(Arrays.copyOfRange(steps, from, to), Arrays.copyOfRange(values, from, to));
    }

    /** Linear interpolation at {@code step}, which lies within the steps. */
    private double interpolate(double step) {
        int i = Arrays.binarySearch(steps, step);
        if (i >= 0) {
            return values[i];
        }
        int right = -i - 1;
        int left = right - 1;
        double w = (step - steps[left]) / (steps[right] - steps[left]);
        return values[left] + w * (values[right] - values[left]);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Series s && Arrays.equals(steps, s.steps) && Arrays.equals(values, s.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(steps) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "Series[steps=" + Arrays.toString(steps) + ", values=" + Arrays.toString(values) + "]";
    }
}
