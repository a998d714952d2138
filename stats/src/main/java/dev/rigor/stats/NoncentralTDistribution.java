package dev.rigor.stats;

import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.numbers.gamma.RegularizedBeta;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The noncentral t distribution's CDF, which Commons Statistics 1.3 lacks.
 *
 * <p>Algorithm AS 243: Lenth, R. V. (1989), "Cumulative distribution function of the non-central t
 * distribution", Applied Statistics 38(1):185-189 — Guenther's (1978) twin series of incomplete beta
 * functions weighted by Poisson probabilities, summed until Lenth's error bound is below 1e-12 (the
 * published routine used 1e-6), at most 1,000 terms. R's {@code pt(q, df, ncp)} is based on the same
 * algorithm. Where the Poisson weights underflow ({@code ncp^2/2 > 708}) or {@code df > 4e5}, the normal
 * approximation of Abramowitz &amp; Stegun (1964) eq. 26.7.10 is used, as R does.
 */
public final class NoncentralTDistribution {
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);
    /** log(sqrt(pi)) = lgamma(1/2). */
    private static final double LOG_SQRT_PI = 0.572364942924700087071713675677;
    /** sqrt(2/pi). */
    private static final double SQRT_2_OVER_PI = 0.797884560802865355879892119869;
    private static final double ERROR_MAX = 1e-12;
    private static final int ITERATIONS_MAX = 1000;
    /** Beyond this ncp the Poisson weight exp(-ncp^2/2) underflows (2 ln 2 * 1021, as R). */
    private static final double NCP_SQUARED_MAX = 2 * Math.log(2) * 1021;

    private final double degreesOfFreedom;
    private final double noncentrality;

    private NoncentralTDistribution(double degreesOfFreedom, double noncentrality) {
        this.degreesOfFreedom = degreesOfFreedom;
        this.noncentrality = noncentrality;
    }

    /**
     * The distribution of {@code (Z + ncp) / sqrt(V / df)}, Z standard normal, V chi-squared on df.
     *
     * @param degreesOfFreedom df &gt; 0 (need not be an integer)
     * @param noncentrality ncp, finite
     * @return the distribution
     */
    public static NoncentralTDistribution of(double degreesOfFreedom, double noncentrality) {
        return new NoncentralTDistribution(Require.positive(degreesOfFreedom, "degreesOfFreedom"),
            Require.finite(noncentrality, "noncentrality"));
    }

    public double degreesOfFreedom() {
        return degreesOfFreedom;
    }

    public double noncentrality() {
        return noncentrality;
    }

    /** {@code P(T <= t)}. */
    public double cumulativeProbability(double t) {
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("t must not be NaN");
        }
        if (t == Double.POSITIVE_INFINITY) {
            return 1;
        }
        if (t == Double.NEGATIVE_INFINITY) {
            return 0;
        }
        boolean negative = t < 0;
        double tt = negative ? -t : t;
        double delta = negative ? -noncentrality : noncentrality;
        double p;
        if (degreesOfFreedom > 4e5 || delta * delta > NCP_SQUARED_MAX) {
            double s = 1 / (4 * degreesOfFreedom);
            p = STANDARD_NORMAL.cumulativeProbability((tt * (1 - s) - delta) / Math.sqrt(1 + tt * tt * 2 * s));
        } else {
            p = lenth(tt, delta);
        }
        p = negative ? 1 - p : p;
        return Math.min(1, Math.max(0, p));
    }

    /** {@code P(T > t)}. */
    public double survivalProbability(double t) {
        return 1 - cumulativeProbability(t);
    }

    /** AS 243 for t &gt;= 0. */
    private double lenth(double t, double delta) {
        double df = degreesOfFreedom;
        double tnc = 0;
        if (t > 0) {
            double x = t * t / (t * t + df);
            double oneMinusX = df / (t * t + df);
            double lambda = delta * delta;
            double p = 0.5 * Math.exp(-0.5 * lambda);
            double q = SQRT_2_OVER_PI * p * delta;
            double s = 0.5 - p;
            double a = 0.5;
            double b = 0.5 * df;
            double rxb = Math.pow(oneMinusX, b);
            double logBeta = LOG_SQRT_PI + LogGamma.value(b) - LogGamma.value(a + b);
            double xOdd = RegularizedBeta.value(x, a, b);
            double gOdd = 2 * rxb * Math.exp(a * Math.log(x) - logBeta);
            double xEven = 1 - rxb;
            double gEven = b * x * rxb;
            tnc = p * xOdd + q * xEven;
            double en = 1;
            double errorBound;
            do {
                a += 1;
                xOdd -= gOdd;
                xEven -= gEven;
                gOdd *= x * (a + b - 1) / a;
                gEven *= x * (a + b - 0.5) / (a + 0.5);
                p *= lambda / (2 * en);
                q *= lambda / (2 * en + 1);
                s -= p;
                en += 1;
                tnc += p * xOdd + q * xEven;
                errorBound = 2 * s * (xOdd - gOdd);
            } while (errorBound > ERROR_MAX && en <= ITERATIONS_MAX);
        }
        return tnc + STANDARD_NORMAL.cumulativeProbability(-delta);
    }
}
