package dev.rigor.stats;

import java.util.function.ToDoubleFunction;
import org.apache.commons.rng.UniformRandomProvider;

/** Any statistic of the design's columns: each resample is copied into reused buffers, then evaluated. */
final class ColumnResampling extends Resampling {
    private final Resampler resampler;
    private final ToDoubleFunction<double[][]> statistic;

    ColumnResampling(double[][][] groups, ToDoubleFunction<double[][]> statistic) {
        this.resampler = new Resampler(groups);
        this.statistic = statistic;
    }

    @Override
    double estimate() {
        return statistic.applyAsDouble(resampler.original());
    }

    @Override
    void fill(UniformRandomProvider rng, double[] replicates) {
        for (int b = 0; b < replicates.length; b++) {
            replicates[b] = statistic.applyAsDouble(resampler.draw(rng));
        }
    }

    @Override
    double acceleration() {
        int[] sizes = new int[resampler.groupCount()];
        for (int g = 0; g < sizes.length; g++) {
            sizes[g] = resampler.rows(g);
        }
        return JackknifeAcceleration.of(sizes,
            (group, row) -> statistic.applyAsDouble(resampler.leaveOneOut(group, row)));
    }
}
