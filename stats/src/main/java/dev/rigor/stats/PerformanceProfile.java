package dev.rigor.stats;

import java.util.Arrays;

/**
 * A run-score performance profile: for each threshold tau, the fraction of runs (over all tasks) whose
 * score exceeds tau, with a stratified-bootstrap percentile band (Agarwal et al. 2021, §4.2).
 *
 * @param taus thresholds, ascending
 * @param fractions fraction of run × task scores strictly above each tau
 * @param lower lower percentile-bootstrap bound per tau
 * @param upper upper percentile-bootstrap bound per tau
 * @param confidence level of the bands
 */
public record PerformanceProfile(double[] taus, double[] fractions, double[] lower, double[] upper,
                                 double confidence) {

    public PerformanceProfile {
        Require.finite(taus, "taus", 1);
        int n = taus.length;
        if (fractions.length != n || lower.length != n || upper.length != n) {
            throw new IllegalArgumentException("taus, fractions, lower and upper must have the same length");
        }
        for (int i = 0; i < n; i++) {
            if (!(lower[i] <= upper[i]) || fractions[i] < 0 || fractions[i] > 1) {
                throw new IllegalArgumentException("at tau = " + taus[i] + ": need 0 <= fraction <= 1 and lower <= upper;"
                    + " got " + fractions[i] + " [" + lower[i] + ", " + upper[i] + "]");
            }
        }
        Require.confidence(confidence);
        taus = taus.clone();
        fractions = fractions.clone();
        lower = lower.clone();
        upper = upper.clone();
    }

    @Override
    public double[] taus() {
        return taus.clone();
    }

    @Override
    public double[] fractions() {
        return fractions.clone();
    }

    @Override
    public double[] lower() {
        return lower.clone();
    }

    @Override
    public double[] upper() {
        return upper.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PerformanceProfile p && Arrays.equals(taus, p.taus) && Arrays.equals(fractions, p.fractions)
            && Arrays.equals(lower, p.lower) && Arrays.equals(upper, p.upper) && confidence == p.confidence;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {Arrays.hashCode(taus), Arrays.hashCode(fractions), Arrays.hashCode(lower),
            Arrays.hashCode(upper), Double.hashCode(confidence)});
    }

    @Override
    public String toString() {
        return "PerformanceProfile[taus=" + Arrays.toString(taus) + ", fractions=" + Arrays.toString(fractions)
            + ", lower=" + Arrays.toString(lower) + ", upper=" + Arrays.toString(upper) + ", confidence=" + confidence + "]";
    }
}
