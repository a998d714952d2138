package dev.rigor.stats;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Multiple-comparison adjustments of p-values, as R's {@code p.adjust}: adjusted values are returned
 * in the original order and capped at 1.
 */
public enum PValueAdjustment {
    /**
     * Holm (1979), "A simple sequentially rejective multiple test procedure", Scand. J. Statist. 6:65-70:
     * controls the family-wise error rate. {@code p_(i) -> max_{j<=i} min(1, (m - j + 1) p_(j))}.
     */
    HOLM {
        @Override
        double[] adjustSorted(double[] ascending) {
            int m = ascending.length;
            double[] adjusted = new double[m];
            double running = 0;
            for (int i = 0; i < m; i++) {
                running = Math.max(running, Math.min(1, (m - i) * ascending[i]));
                adjusted[i] = running;
            }
            return adjusted;
        }
    },
    /**
     * Benjamini &amp; Hochberg (1995), "Controlling the false discovery rate", JRSS B 57:289-300:
     * controls the false discovery rate. {@code p_(i) -> min_{j>=i} min(1, m / j p_(j))}.
     */
    BENJAMINI_HOCHBERG {
        @Override
        double[] adjustSorted(double[] ascending) {
            int m = ascending.length;
            double[] adjusted = new double[m];
            double running = 1;
            for (int i = m - 1; i >= 0; i--) {
                running = Math.min(running, Math.min(1, (double) m / (i + 1) * ascending[i]));
                adjusted[i] = running;
            }
            return adjusted;
        }
    };

    /** Adjusts p-values sorted ascending; returns them in the same (sorted) order. */
    abstract double[] adjustSorted(double[] ascending);

    /**
     * Adjusts {@code pValues} for the number of tests in the family.
     *
     * @param pValues one p-value per test, each in [0, 1], at least one
     * @return adjusted p-values, in the order of {@code pValues}
     */
    public double[] adjust(double[] pValues) {
        Require.finite(pValues, "pValues", 1);
        for (double p : pValues) {
            Require.probability(p, "every p-value");
        }
        Integer[] order = IntStream.range(0, pValues.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> pValues[i]));
        double[] ascending = new double[pValues.length];
        for (int i = 0; i < order.length; i++) {
            ascending[i] = pValues[order[i]];
        }
        double[] adjustedSorted = adjustSorted(ascending);
        double[] adjusted = new double[pValues.length];
        for (int i = 0; i < order.length; i++) {
            adjusted[order[i]] = adjustedSorted[i];
        }
        return adjusted;
    }
}
