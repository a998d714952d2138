package dev.rigor.stats;

import java.util.Objects;
import org.apache.commons.statistics.inference.MannWhitneyUTest;

/**
 * Probability of improvement {@code P(X > Y) + ½ P(X = Y)} for independent draws X of x and Y of y:
 * the Mann-Whitney U of x divided by {@code n_x n_y} (the "common-language effect size" of McGraw &amp;
 * Wong 1992; the per-task probability of improvement of Agarwal et al. 2021). U comes from Commons
 * Statistics {@link MannWhitneyUTest#statistic}.
 */
public final class ProbabilityOfImprovement {
    private ProbabilityOfImprovement() {
    }

    /**
     * {@code P(X > Y) + ½ P(X = Y)}.
     *
     * @param x first sample, at least one value
     * @param y second sample, at least one value
     * @return a probability in [0, 1]; 0.5 means no tendency either way
     */
    public static double of(double[] x, double[] y) {
        Require.finite(x, "x", 1);
        Require.finite(y, "y", 1);
        return unchecked(x, y);
    }

    /**
     * The probability that a draw of x is better than a draw of y, ties counted ½: {@code P(X > Y)}
     * when maximising, {@code P(X < Y)} when minimising.
     *
     * @param x candidate sample
     * @param y baseline sample
     * @param goal which direction is better
     * @return a probability in [0, 1]
     */
    public static double of(double[] x, double[] y, Goal goal) {
        Objects.requireNonNull(goal, "goal");
        return goal == Goal.MAXIMIZE ? of(x, y) : of(y, x);
    }

    /**
     * The paired probability of improvement: the share of pairs whose x member is better than its y
     * member, ties ½ ({@code P(X_i > Y_i) + ½ P(X_i = Y_i)} when maximising). With a paired design this is
     * the probability that the candidate improves on the control <em>for the same seed</em>, the question
     * the paired test answers; {@link #of(double[], double[], Goal)} would mix seeds.
     *
     * @param x candidate member of each pair, at least one
     * @param y baseline member of each pair, same length
     * @param goal which direction is better
     * @return a probability in [0, 1]
     */
    public static double paired(double[] x, double[] y, Goal goal) {
        Require.finite(x, "x", 1);
        Require.finite(y, "y", 1);
        Require.sameLength(x, y);
        Objects.requireNonNull(goal, "goal");
        double better = 0;
        for (int i = 0; i < x.length; i++) {
            double d = goal == Goal.MAXIMIZE ? x[i] - y[i] : y[i] - x[i];
            better += d > 0 ? 1 : d == 0 ? 0.5 : 0;
        }
        return better / x.length;
    }

    /** As {@link #of(double[], double[])} without re-validating (bootstrap inner loops). */
    static double unchecked(double[] x, double[] y) {
        return MannWhitneyUTest.withDefaults().statistic(x, y) / ((double) x.length * y.length);
    }
}
