package dev.rigor.stats;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Draws bootstrap resamples of a design made of independent groups, each a set of aligned columns
 * (one column for a plain sample, two for pairs). Each group is resampled with replacement by rows, so
 * paired values stay together and groups (samples, strata) never mix. Rows are drawn group by group,
 * one {@code nextInt(n)} per row: the same seed gives the same resamples whatever the statistic.
 */
final class Resampler {
    /** group, column, row. */
    private final double[][][] groups;
    /** One reused buffer per column, in design order. */
    private final double[][] buffers;

    Resampler(double[][][] groups) {
        this.groups = groups;
        int columns = 0;
        for (double[][] group : groups) {
            columns += group.length;
        }
        buffers = new double[columns][];
        int k = 0;
        for (double[][] group : groups) {
            for (double[] column : group) {
                buffers[k++] = new double[column.length];
            }
        }
    }

    int groupCount() {
        return groups.length;
    }

    int rows(int group) {
        return groups[group][0].length;
    }

    /** Draws one resample into the reused buffers and returns them (columns in design order). */
    double[][] draw(UniformRandomProvider rng) {
        int k = 0;
        for (double[][] columns : groups) {
            int n = columns[0].length;
            if (columns.length == 1) {
                double[] source = columns[0];
                double[] target = buffers[k];
                for (int i = 0; i < n; i++) {
                    target[i] = source[rng.nextInt(n)];
                }
            } else {
                for (int i = 0; i < n; i++) {
                    int row = rng.nextInt(n);
                    for (int c = 0; c < columns.length; c++) {
                        buffers[k + c][i] = columns[c][row];
                    }
                }
            }
            k += columns.length;
        }
        return buffers;
    }

    /** Fresh copies of the original columns, in design order. */
    double[][] original() {
        return leaveOneOut(-1, -1);
    }

    /** Fresh copies of the columns with row {@code row} of group {@code group} removed. */
    double[][] leaveOneOut(int group, int row) {
        double[][] copy = new double[buffers.length][];
        int k = 0;
        for (int g = 0; g < groups.length; g++) {
            for (double[] column : groups[g]) {
                if (g == group) {
                    double[] shorter = new double[column.length - 1];
                    System.arraycopy(column, 0, shorter, 0, row);
                    System.arraycopy(column, row + 1, shorter, row, column.length - row - 1);
                    copy[k++] = shorter;
                } else {
                    copy[k++] = column.clone();
                }
            }
        }
        return copy;
    }
}
