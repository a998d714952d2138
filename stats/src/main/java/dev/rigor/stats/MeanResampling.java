package dev.rigor.stats;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A statistic of column means, resampled without copying: each replicate sums the drawn rows'
 * values directly, with no allocation in the loop. Draws rows in the same order as {@link Resampler},
 * so a seed gives the same resamples as the general path. The jackknife uses leave-one-out means,
 * {@code (sum - x_i) / (n - 1)}, in O(n).
 */
final class MeanResampling extends Resampling {
    /** group, column, row. */
    private final double[][][] groups;
    private final MeanStatistic statistic;
    private final double[] sums;

    MeanResampling(double[][][] groups, MeanStatistic statistic) {
        this.groups = groups;
        this.statistic = statistic;
        int columns = 0;
        for (double[][] group : groups) {
            columns += group.length;
        }
        sums = new double[columns];
        int k = 0;
        for (double[][] group : groups) {
            for (double[] column : group) {
                double s = 0;
                for (double v : column) {
                    s += v;
                }
                sums[k++] = s;
            }
        }
    }

    @Override
    double estimate() {
        return statistic.fromMeans(means(-1, -1));
    }

    /**
     * Draws each row as it is summed (the generator's serial chain overlaps the loads and adds; drawing
     * a block of rows first, as {@link SharedMeanResampling} does for many data sets, measured 1.6×
     * slower here at n = 30), in four partial sums per column — row i into sum {@code i mod 4},
     * combined by {@link SharedMeanResampling#total} — exactly as {@link SharedMeanResampling#drawnSum},
     * so the shared stream gives this path's replicates bit for bit.
     */
    @Override
    void fill(UniformRandomProvider rng, double[] replicates) {
        double[] means = new double[sums.length];
        double[][] partial = new double[sums.length][4];
        for (int b = 0; b < replicates.length; b++) {
            int k = 0;
            for (double[][] columns : groups) {
                int n = columns[0].length;
                if (columns.length == 1) {
                    means[k] = drawSum(rng, columns[0]) / n;
                } else {
                    for (int c = 0; c < columns.length; c++) {
                        Arrays.fill(partial[k + c], 0);
                    }
                    for (int i = 0; i < n; i++) {
                        int row = rng.nextInt(n);
                        for (int c = 0; c < columns.length; c++) {
                            partial[k + c][i & 3] += columns[c][row];
                        }
                    }
                    for (int c = 0; c < columns.length; c++) {
                        double[] p = partial[k + c];
                        means[k + c] = SharedMeanResampling.total(p[0], p[1], p[2], p[3]) / n;
                    }
                }
                k += columns.length;
            }
            replicates[b] = statistic.fromMeans(means);
        }
    }

    /** The hot path (one sample, or paired differences): n draws, one indexed load and add each. */
    private static double drawSum(UniformRandomProvider rng, double[] column) {
        int n = column.length;
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = 0;
        for (; i + 3 < n; i += 4) {
            s0 += column[rng.nextInt(n)];
            s1 += column[rng.nextInt(n)];
            s2 += column[rng.nextInt(n)];
            s3 += column[rng.nextInt(n)];
        }
        if (i < n) {
            s0 += column[rng.nextInt(n)];
        }
        if (i + 1 < n) {
            s1 += column[rng.nextInt(n)];
        }
        if (i + 2 < n) {
            s2 += column[rng.nextInt(n)];
        }
        return SharedMeanResampling.total(s0, s1, s2, s3);
    }

    @Override
    double acceleration() {
        int[] sizes = new int[groups.length];
        for (int g = 0; g < sizes.length; g++) {
            sizes[g] = groups[g][0].length;
        }
        return JackknifeAcceleration.of(sizes, (group, row) -> statistic.fromMeans(means(group, row)));
    }

    /** Column means, with row {@code row} of group {@code group} left out (none if group is -1). */
    private double[] means(int group, int row) {
        double[] means = new double[sums.length];
        int k = 0;
        for (int g = 0; g < groups.length; g++) {
            for (double[] column : groups[g]) {
                int n = column.length;
                means[k] = g == group ? (sums[k] - column[row]) / (n - 1) : sums[k] / n;
                k++;
            }
        }
        return means;
    }
}
