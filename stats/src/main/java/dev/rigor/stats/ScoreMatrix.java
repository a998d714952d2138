package dev.rigor.stats;

import java.util.Arrays;

/**
 * Scores of one algorithm: runs × tasks (rows are runs, e.g. seeds; columns are tasks), the input of
 * the rliable aggregates (Agarwal et al. 2021). Scores are usually normalised per task (e.g. 0 =
 * random, 1 = reference) so that tasks are comparable.
 *
 * @param scores {@code scores[run][task]}: rectangular, finite, at least one run and one task
 */
public record ScoreMatrix(double[][] scores) {

    public ScoreMatrix {
        if (scores == null || scores.length == 0 || scores[0] == null || scores[0].length == 0) {
            throw new IllegalArgumentException("scores must have at least one run (row) and one task (column)");
        }
        int tasks = scores[0].length;
        double[][] copy = new double[scores.length][];
        for (int r = 0; r < scores.length; r++) {
            if (scores[r] == null || scores[r].length != tasks) {
                throw new IllegalArgumentException("scores must be rectangular (runs × tasks): run 0 has " + tasks
                    + " tasks but run " + r + " has " + (scores[r] == null ? 0 : scores[r].length));
            }
            copy[r] = Require.finite(scores[r], "scores[" + r + "]", 1).clone();
        }
        scores = copy;
    }

    /** A deep copy of the scores, {@code [run][task]}. */
    @Override
    public double[][] scores() {
        double[][] copy = new double[scores.length][];
        for (int r = 0; r < scores.length; r++) {
            copy[r] = scores[r].clone();
        }
        return copy;
    }

    /** Number of runs (rows). */
    public int runs() {
        return scores.length;
    }

    /** Number of tasks (columns). */
    public int tasks() {
        return scores[0].length;
    }

    /** The scores of one task across runs (a fresh array). */
    public double[] task(int task) {
        double[] column = new double[scores.length];
        for (int r = 0; r < scores.length; r++) {
            column[r] = scores[r][task];
        }
        return column;
    }

    /** The scores as strata: one fresh array per task. */
    double[][] byTask() {
        double[][] strata = new double[tasks()][];
        for (int t = 0; t < strata.length; t++) {
            strata[t] = task(t);
        }
        return strata;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScoreMatrix m && Arrays.deepEquals(scores, m.scores);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(scores);
    }

    @Override
    public String toString() {
        return "ScoreMatrix" + Arrays.deepToString(scores);
    }
}
