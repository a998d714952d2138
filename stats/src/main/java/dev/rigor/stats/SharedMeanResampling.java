package dev.rigor.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A mean-type statistic of several data sets with the same group sizes (e.g. many metrics of the same
 * pairs of runs), bootstrapped with one stream of resamples: each resample's rows are drawn once,
 * group by group in {@link MeanResampling}'s order, and every data set's statistic is evaluated on
 * those rows. Data set k therefore gets exactly the replicates, summed in the same order, that
 * {@code new MeanResampling(designs[k], statistic)} draws from the same seed — bit for bit — while the
 * draws, which dominate the cost, are paid once instead of once per data set.
 */
final class SharedMeanResampling {

    private SharedMeanResampling() {
    }

    /**
     * @param designs per data set: group, column, row; every data set has the same group sizes
     * @return per data set, its result, or empty where it has no bootstrap distribution (the statistic
     *         is not finite on the original data or NaN on some resample)
     */
    static List<Optional<BootstrapResult>> run(List<double[][][]> designs, MeanStatistic statistic,
                                               BootstrapConfig config) {
        int sets = designs.size();
        List<MeanResampling> each = new ArrayList<>(sets);
        List<Integer> alive = new ArrayList<>(sets);
        double[] estimates = new double[sets];
        for (int k = 0; k < sets; k++) {
            each.add(new MeanResampling(designs.get(k), statistic));
            estimates[k] = each.get(k).estimate();
            if (Double.isFinite(estimates[k])) {
                alive.add(k);
            }
        }
        double[][] replicates = new double[sets][];
        if (!alive.isEmpty()) {
            for (int k : alive) {
                replicates[k] = new double[config.resamples()];
            }
            draw(designs, alive, statistic, SeededRandom.create(config.seed()), replicates);
        }
        List<Optional<BootstrapResult>> out = new ArrayList<>(sets);
        for (int k = 0; k < sets; k++) {
            if (replicates[k] == null) {
                out.add(Optional.empty());
                continue;
            }
            try {
                out.add(Optional.of(BootstrapIntervals.summarize(estimates[k], replicates[k], each.get(k).acceleration(),
                    config.confidence())));
            } catch (ArithmeticException e) {
                out.add(Optional.empty());
            }
        }
        return out;
    }

    /** Rows drawn per block of resamples, at most: a block's draws stay in cache while every data set reads them. */
    private static final int BLOCK_ROWS = 1 << 15;

    private static void draw(List<double[][][]> designs, List<Integer> alive, MeanStatistic statistic,
                             UniformRandomProvider rng, double[][] replicates) {
        double[][][] shape = designs.get(alive.get(0));
        int[] sizes = new int[shape.length];
        int columns = 0;
        int perResample = 0;
        for (int g = 0; g < shape.length; g++) {
            sizes[g] = shape[g][0].length;
            columns += shape[g].length;
            perResample += sizes[g];
        }
        int resamples = replicates[alive.get(0)].length;
        int block = Math.max(1, Math.min(resamples, BLOCK_ROWS / perResample));
        int[][] drawn = new int[sizes.length][];
        for (int g = 0; g < sizes.length; g++) {
            drawn[g] = new int[block * sizes[g]];
        }
        double[] means = new double[columns];
        for (int first = 0; first < resamples; first += block) {
            int count = Math.min(block, resamples - first);
            for (int b = 0; b < count; b++) { // resample by resample, group by group
                for (int g = 0; g < sizes.length; g++) {
                    int n = sizes[g];
                    int[] into = drawn[g];
                    for (int i = b * n, end = i + n; i < end; i++) {
                        into[i] = rng.nextInt(n);
                    }
                }
            }
            for (int k : alive) {
                double[][][] design = designs.get(k);
                double[] out = replicates[k];
                for (int b = 0; b < count; b++) {
                    int c = 0;
                    for (int g = 0; g < design.length; g++) {
                        int n = sizes[g];
                        for (double[] column : design[g]) {
                            means[c++] = drawnSum(column, drawn[g], b * n, b * n + n) / n;
                        }
                    }
                    out[first + b] = statistic.fromMeans(means);
                }
            }
        }
    }

    /**
     * {@code column[rows[from]] + … + column[rows[to - 1]]} in four interleaved partial sums,
     * {@code (s0 + s1) + (s2 + s3)}, so that each add does not wait for the previous one (a single
     * running sum is bound by the latency of floating-point addition, ~4 cycles a row).
     * {@link MeanResampling} sums in the same association, so the two agree bit for bit.
     */
    static double drawnSum(double[] column, int[] rows, int from, int to) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = from;
        for (; i + 3 < to; i += 4) {
            s0 += column[rows[i]];
            s1 += column[rows[i + 1]];
            s2 += column[rows[i + 2]];
            s3 += column[rows[i + 3]];
        }
        if (i < to) {
            s0 += column[rows[i]];
        }
        if (i + 1 < to) {
            s1 += column[rows[i + 1]];
        }
        if (i + 2 < to) {
            s2 += column[rows[i + 2]];
        }
        return total(s0, s1, s2, s3);
    }

    /** The four partial sums combined, in the one association every mean resampling path uses. */
    static double total(double s0, double s1, double s2, double s3) {
        return (s0 + s1) + (s2 + s3);
    }
}
