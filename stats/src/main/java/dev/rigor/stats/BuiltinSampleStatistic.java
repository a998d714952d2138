package dev.rigor.stats;

import java.util.Optional;
import org.apache.commons.statistics.descriptive.Median;

/** The built-in one-sample statistics. */
enum BuiltinSampleStatistic implements SampleStatistic {
    MEAN(means -> means[0]) {
        @Override
        public double evaluate(double[] sample) {
            return Means.of(sample);
        }
    },
    MEDIAN(null) {
        @Override
        public double evaluate(double[] sample) {
            return Means.MEDIAN_IN_PLACE.evaluate(sample);
        }
    };

    private final MeanStatistic meanForm;

    BuiltinSampleStatistic(MeanStatistic meanForm) {
        this.meanForm = meanForm;
    }

    /** The statistic as a function of the column means, when it is one. */
    Optional<MeanStatistic> meanForm() {
        return Optional.ofNullable(meanForm);
    }

    /** Small arithmetic shared by the built-ins. */
    static final class Means {
        /** Reorders its argument: the bootstrap hands statistics private buffers. */
        static final Median MEDIAN_IN_PLACE = Median.withDefaults().withCopy(false);

        private Means() {
        }

        static double of(double[] values) {
            double sum = 0;
            for (double v : values) {
                sum += v;
            }
            return sum / values.length;
        }
    }
}
