package dev.rigor.stats;

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

    @Override
    void fill(UniformRandomProvider rng, double[] replicates) {
        if (groups.length == 1 && groups[0].length == 1) {
            fillSingleColumn(rng, replicates, groups[0][0]);
            return;
        }
        double[] means = new double[sums.length];
        for (int b = 0; b < replicates.length; b++) {
            int k = 0;
            for (double[][] columns : groups) {
                int n = columns[0].length;
                if (columns.length == 1) {
                    double[] column = columns[0];
                    double s = 0;
                    for (int i = 0; i < n; i++) {
                        s += column[rng.nextInt(n)];
                    }
                    means[k] = s / n;
                } else if (columns.length == 2) {
                    // pairs (e.g. a ratio of paired means): accumulate in registers, not in the array
                    double[] first = columns[0];
                    double[] second = columns[1];
                    double s0 = 0;
                    double s1 = 0;
                    for (int i = 0; i < n; i++) {
                        int row = rng.nextInt(n);
                        s0 += first[row];
                        s1 += second[row];
                    }
                    means[k] = s0 / n;
                    means[k + 1] = s1 / n;
                } else {
                    for (int c = 0; c < columns.length; c++) {
                        means[k + c] = 0;
                    }
                    for (int i = 0; i < n; i++) {
                        int row = rng.nextInt(n);
                        for (int c = 0; c < columns.length; c++) {
                            means[k + c] += columns[c][row];
                        }
                    }
                    for (int c = 0; c < columns.length; c++) {
                        means[k + c] /= n;
                    }
                }
                k += columns.length;
            }
            replicates[b] = statistic.fromMeans(means);
        }
    }

    /** The hot path (one sample, or paired differences): one indexed load and add per draw. */
    private void fillSingleColumn(UniformRandomProvider rng, double[] replicates, double[] column) {
        int n = column.length;
        double[] means = new double[1];
        for (int b = 0; b < replicates.length; b++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                s += column[rng.nextInt(n)];
            }
            means[0] = s / n;
            replicates[b] = statistic.fromMeans(means);
        }
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
