package dev.rigor.stats;

/**
 * The acceleration {@code a} of the BCa interval from jackknife influence values.
 *
 * <p>For {@code K} independent groups (samples or strata) of sizes {@code n_k}, with {@code t_(ki)} the
 * statistic with observation {@code i} of group {@code k} left out and {@code U_ki = (n_k - 1)(mean_i t_(ki)
 * - t_(ki))}:
 * <pre>
 *   a = sum_k n_k^-3 sum_i U_ki^3 / (6 (sum_k n_k^-2 sum_i U_ki^2)^(3/2))
 * </pre>
 * Efron &amp; Tibshirani (1993), <i>An Introduction to the Bootstrap</i>, eq. 14.15 (one sample) and
 * eq. 15.36 (several independent samples); with one group the two coincide. This is also what
 * {@code scipy.stats.bootstrap} computes for multi-sample statistics. Groups of one observation have no
 * jackknife and contribute nothing (their resamples are constant). If every influence value is 0 (e.g.
 * constant data) the acceleration is 0.
 */
final class JackknifeAcceleration {
    private JackknifeAcceleration() {
    }

    /** The statistic with one observation left out. */
    @FunctionalInterface
    interface LeaveOneOut {
        double evaluate(int group, int row);
    }

    static double of(int[] groupSizes, LeaveOneOut statistic) {
        double numerator = 0;
        double denominator = 0;
        for (int g = 0; g < groupSizes.length; g++) {
            int n = groupSizes[g];
            if (n < 2) {
                continue;
            }
            double[] leftOut = new double[n];
            double mean = 0;
            for (int i = 0; i < n; i++) {
                leftOut[i] = statistic.evaluate(g, i);
                mean += leftOut[i];
            }
            mean /= n;
            double cubes = 0;
            double squares = 0;
            for (int i = 0; i < n; i++) {
                double u = (n - 1) * (mean - leftOut[i]);
                squares += u * u;
                cubes += u * u * u;
            }
            double n2 = (double) n * n;
            numerator += cubes / (n2 * n);
            denominator += squares / n2;
        }
        if (!(denominator > 0) || !Double.isFinite(numerator) || !Double.isFinite(denominator)) {
            return 0;
        }
        return numerator / (6 * Math.pow(denominator, 1.5));
    }
}
