package dev.rigor.stats;

import dev.rigor.stats.BuiltinSampleStatistic.Means;
import java.util.Optional;

/** The built-in two-sample statistics. */
enum BuiltinTwoSampleStatistic implements TwoSampleStatistic {
    MEAN_DIFFERENCE(means -> means[0] - means[1]) {
        @Override
        public double evaluate(double[] x, double[] y) {
            return Means.of(x) - Means.of(y);
        }
    },
    MEDIAN_DIFFERENCE(null) {
        @Override
        public double evaluate(double[] x, double[] y) {
            return Means.MEDIAN_IN_PLACE.evaluate(x) - Means.MEDIAN_IN_PLACE.evaluate(y);
        }
    },
    RATIO_OF_MEANS(means -> means[0] / means[1]) {
        @Override
        public double evaluate(double[] x, double[] y) {
            return Means.of(x) / Means.of(y);
        }
    };

    private final MeanStatistic meanForm;

    BuiltinTwoSampleStatistic(MeanStatistic meanForm) {
        this.meanForm = meanForm;
    }

    /** The statistic as a function of the means of {@code x} and {@code y}, when it is one. */
    Optional<MeanStatistic> meanForm() {
        return Optional.ofNullable(meanForm);
    }
}
