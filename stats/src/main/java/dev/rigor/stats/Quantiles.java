package dev.rigor.stats;

import org.apache.commons.statistics.descriptive.Quantile;

/**
 * Sample quantiles by linear interpolation between order statistics: Hyndman &amp; Fan (1996)
 * definition 7, the default of R's {@code quantile()} and NumPy's {@code percentile()}. Delegates to
 * Commons Statistics {@link Quantile} with {@link Quantile.EstimationMethod#HF7}.
 */
public final class Quantiles {
    /** Works on its own copy: callers' arrays are never reordered (Commons' default reorders in place). */
    private static final Quantile TYPE_7 = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7).withCopy(true);
    /** Reorders its argument in place: only for arrays this package owns. */
    private static final Quantile TYPE_7_IN_PLACE = TYPE_7.withCopy(false);

    private Quantiles() {
    }

    /**
     * The type-7 quantile of {@code values} at probability {@code p}.
     *
     * @param values finite values, at least one
     * @param p probability in [0, 1]
     * @return the interpolated quantile
     */
    public static double type7(double[] values, double p) {
        Require.finite(values, "values", 1);
        return TYPE_7.evaluate(values, Require.probability(p, "p"));
    }

    /**
     * Type-7 quantiles of {@code values} at each probability of {@code p}, in the order of {@code p}.
     *
     * @param values finite values, at least one
     * @param p probabilities in [0, 1]
     * @return one quantile per probability
     */
    public static double[] type7(double[] values, double... p) {
        Require.finite(values, "values", 1);
        for (double pi : p) {
            Require.probability(pi, "p");
        }
        return TYPE_7.evaluate(values, p);
    }

    /** Type-7 quantiles of an array this package owns, which may be reordered. */
    static double[] type7InPlace(double[] values, double... p) {
        return TYPE_7_IN_PLACE.evaluate(values, p);
    }
}
