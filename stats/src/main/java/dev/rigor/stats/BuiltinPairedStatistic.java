package dev.rigor.stats;

import dev.rigor.stats.BuiltinSampleStatistic.Means;
import java.util.Optional;

/** The built-in paired statistics. */
enum BuiltinPairedStatistic implements PairedStatistic {
    MEAN_DIFFERENCE(means -> means[0] - means[1]) {
        @Override
        public double evaluate(double[] x, double[] y) {
            double sum = 0;
            for (int i = 0; i < x.length; i++) {
                sum += x[i] - y[i];
            }
            return sum / x.length;
        }
    },
    MEDIAN_OF_DIFFERENCES(null) {
        @Override
        public double evaluate(double[] x, double[] y) {
            double[] d = new double[x.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = x[i] - y[i];
            }
            return Means.MEDIAN_IN_PLACE.evaluate(d);
        }
    },
    RATIO_OF_MEANS(means -> means[0] / means[1]) {
        @Override
        public double evaluate(double[] x, double[] y) {
            return Means.of(x) / Means.of(y);
        }
    };

    private final MeanStatistic meanForm;

    BuiltinPairedStatistic(MeanStatistic meanForm) {
        this.meanForm = meanForm;
    }

    /** The statistic as a function of the means of columns {@code [x, y]}, when it is one. */
    Optional<MeanStatistic> meanForm() {
        return Optional.ofNullable(meanForm);
    }
}
