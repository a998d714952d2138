package dev.rigor.stats;

import java.util.Arrays;

/**
 * An aggregate of a run × task score matrix, evaluated on its tasks as strata (one array of run
 * scores per task). The built-ins are rliable's (Agarwal et al. 2021, "Deep Reinforcement Learning
 * at the Edge of the Statistical Precipice", NeurIPS; {@code rliable.metrics}).
 */
@FunctionalInterface
public interface ScoreAggregate extends StratifiedStatistic {

    /** The aggregate of a score matrix. */
    default double of(ScoreMatrix scores) {
        return evaluate(scores.byTask());
    }

    /** Interquartile mean of all run × task scores: {@code trim_mean(scores, 0.25, axis=None)}. */
    static ScoreAggregate iqm() {
        return strata -> TrimmedMean.ofSorted(sortedPooled(strata), TrimmedMean.INTERQUARTILE);
    }

    /** Mean over tasks of the mean score per task ({@code aggregate_mean}). */
    static ScoreAggregate mean() {
        return strata -> {
            double sum = 0;
            for (double[] task : strata) {
                sum += BuiltinSampleStatistic.Means.of(task);
            }
            return sum / strata.length;
        };
    }

    /** Median over tasks of the mean score per task ({@code aggregate_median}). */
    static ScoreAggregate median() {
        return strata -> {
            double[] taskMeans = new double[strata.length];
            for (int t = 0; t < strata.length; t++) {
                taskMeans[t] = BuiltinSampleStatistic.Means.of(strata[t]);
            }
            return BuiltinSampleStatistic.Means.MEDIAN_IN_PLACE.evaluate(taskMeans);
        };
    }

    /**
     * Optimality gap: how far scores fall short of {@code gamma} on average, scores above it counting as
     * gamma: {@code gamma - mean(min(score, gamma))} ({@code aggregate_optimality_gap}; lower is better).
     *
     * @param gamma the target score, 1 for normalised scores
     */
    static ScoreAggregate optimalityGap(double gamma) {
        Require.finite(gamma, "gamma");
        return strata -> {
            double sum = 0;
            int count = 0;
            for (double[] task : strata) {
                for (double score : task) {
                    sum += Math.min(score, gamma);
                    count++;
                }
            }
            return gamma - sum / count;
        };
    }

    /** Optimality gap with rliable's default gamma = 1. */
    static ScoreAggregate optimalityGap() {
        return optimalityGap(1);
    }

    private static double[] sortedPooled(double[][] strata) {
        int total = 0;
        for (double[] task : strata) {
            total += task.length;
        }
        double[] pooled = new double[total];
        int k = 0;
        for (double[] task : strata) {
            System.arraycopy(task, 0, pooled, k, task.length);
            k += task.length;
        }
        Arrays.sort(pooled);
        return pooled;
    }
}
