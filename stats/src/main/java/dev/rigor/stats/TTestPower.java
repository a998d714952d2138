package dev.rigor.stats;

import java.util.Objects;
import org.apache.commons.numbers.rootfinder.BrentSolver;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * Power and sample size of two-sided t tests from the noncentral t distribution, as R's
 * {@code power.t.test}: with {@code k} = 1 (paired) or 2 (two-sample), {@code df = k (n - 1)},
 * {@code ncp = sqrt(n / k) |delta| / sd}, critical value {@code q = t_{df, 1 - alpha/2}}, and
 * {@code power = P(T'_{df,ncp} > q)} (plus {@code P(T' < -q)} for {@link RejectionRegion#BOTH_SIDES}).
 * Cohen (1988) ch. 2; the CDF is {@link NoncentralTDistribution} (AS 243).
 *
 * <p>{@code sd} is the standard deviation of one observation — of the paired differences for
 * {@link TTestDesign#PAIRED}, within each group for {@link TTestDesign#TWO_SAMPLE} — never a standard
 * error. Sample sizes are real numbers, as R reports them: round up to plan.
 *
 * @param design paired or two-sample
 * @param n pairs (paired) or observations per group (two-sample); at least 2
 * @param delta true difference of means (its sign is ignored)
 * @param sd standard deviation of one observation (see above)
 * @param alpha two-sided significance level
 * @param power probability of rejecting H0 under delta
 * @param region which rejections count
 */
public record TTestPower(TTestDesign design, double n, double delta, double sd, double alpha, double power,
                         RejectionRegion region) {
    /** R's search range for n. */
    private static final double N_MIN = 2;
    private static final double N_MAX = 1e7;
    private static final BrentSolver SOLVER = new BrentSolver(1e-14, 1e-12, 1e-15);

    public TTestPower {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(region, "region");
        if (!(n >= N_MIN) || !Double.isFinite(n)) {
            throw new IllegalArgumentException("n must be a finite number >= 2; got " + n);
        }
        Require.finite(delta, "delta");
        Require.positive(sd, "sd");
        requireAlpha(alpha);
        Require.probability(power, "power");
    }

    /**
     * The power of the test at sample size n (R: {@code power.t.test(n, delta, sd, sig.level)$power}).
     */
    public static TTestPower power(TTestDesign design, double n, double delta, double sd, double alpha) {
        return power(design, n, delta, sd, alpha, RejectionRegion.EFFECT_SIDE);
    }

    /** As {@link #power(TTestDesign, double, double, double, double)}, counting rejections per {@code region}. */
    public static TTestPower power(TTestDesign design, double n, double delta, double sd, double alpha,
                                   RejectionRegion region) {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(region, "region");
        Require.finite(delta, "delta");
        Require.positive(sd, "sd");
        requireAlpha(alpha);
        if (!(n >= N_MIN) || !Double.isFinite(n)) {
            throw new IllegalArgumentException("n must be a finite number >= 2; got " + n);
        }
        return new TTestPower(design, n, delta, sd, alpha, powerAt(design, n, Math.abs(delta) / sd, alpha, region),
            region);
    }

    /**
     * The (real) sample size reaching {@code power}, by Brent's root finding on n in [2, 1e7]
     * (R: {@code power.t.test(delta, sd, sig.level, power)$n}). If n = 2 already reaches the power, n = 2.
     *
     * @throws IllegalArgumentException if even n = 1e7 does not reach it
     */
    public static TTestPower sampleSize(TTestDesign design, double delta, double sd, double alpha, double power) {
        return sampleSize(design, delta, sd, alpha, power, RejectionRegion.EFFECT_SIDE);
    }

    /** As {@link #sampleSize(TTestDesign, double, double, double, double)}, counting rejections per {@code region}. */
    public static TTestPower sampleSize(TTestDesign design, double delta, double sd, double alpha, double power,
                                        RejectionRegion region) {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(region, "region");
        Require.finite(delta, "delta");
        Require.positive(sd, "sd");
        requireAlpha(alpha);
        requireTargetPower(power, alpha);
        if (delta == 0) {
            throw new IllegalArgumentException("delta must be non-zero: no sample size detects a zero effect");
        }
        double effect = Math.abs(delta) / sd;
        if (powerAt(design, N_MIN, effect, alpha, region) >= power) {
            return new TTestPower(design, N_MIN, delta, sd, alpha, powerAt(design, N_MIN, effect, alpha, region), region);
        }
        if (powerAt(design, N_MAX, effect, alpha, region) < power) {
            throw new IllegalArgumentException("delta/sd = " + effect + " is too small to reach power " + power
                + " with n <= " + N_MAX);
        }
        double n = SOLVER.findRoot(m -> powerAt(design, m, effect, alpha, region) - power, N_MIN, N_MAX);
        return new TTestPower(design, n, delta, sd, alpha, power, region);
    }

    /**
     * The minimal detectable effect: the |delta| that n reaches with {@code power}, by Brent's root
     * finding on delta in [1e-7 sd, 1e7 sd] (R: {@code power.t.test(n, sd, sig.level, power)$delta}).
     */
    public static TTestPower detectableEffect(TTestDesign design, double n, double sd, double alpha, double power) {
        return detectableEffect(design, n, sd, alpha, power, RejectionRegion.EFFECT_SIDE);
    }

    /** As {@link #detectableEffect(TTestDesign, double, double, double, double)}, counting rejections per {@code region}. */
    public static TTestPower detectableEffect(TTestDesign design, double n, double sd, double alpha, double power,
                                              RejectionRegion region) {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(region, "region");
        Require.positive(sd, "sd");
        requireAlpha(alpha);
        requireTargetPower(power, alpha);
        if (!(n >= N_MIN) || !Double.isFinite(n)) {
            throw new IllegalArgumentException("n must be a finite number >= 2; got " + n);
        }
        double effect = SOLVER.findRoot(e -> powerAt(design, n, e, alpha, region) - power, 1e-7, 1e7);
        return new TTestPower(design, n, effect * sd, sd, alpha, power, region);
    }

    /** The smallest whole n that reaches the power: {@code ceil(n)}. */
    public int wholeN() {
        return (int) Math.ceil(n - 1e-9);
    }

    /** Power at real n for the standardised effect |delta|/sd. */
    static double powerAt(TTestDesign design, double n, double effect, double alpha, RejectionRegion region) {
        int k = design.samples();
        double df = Math.max(1e-7, n - 1) * k;
        double q = TDistribution.of(df).inverseSurvivalProbability(alpha / 2);
        NoncentralTDistribution t = NoncentralTDistribution.of(df, Math.sqrt(n / k) * effect);
        double power = t.survivalProbability(q);
        if (region == RejectionRegion.BOTH_SIDES) {
            power += t.cumulativeProbability(-q);
        }
        return power;
    }

    private static void requireAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), e.g. 0.05; got " + alpha);
        }
    }

    private static void requireTargetPower(double power, double alpha) {
        if (!(power > alpha / 2 && power < 1)) {
            throw new IllegalArgumentException("power must be in (alpha/2, 1) — alpha/2 is the power at zero effect;"
                + " got " + power);
        }
    }
}
