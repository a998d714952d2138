package dev.rigor.stats;

import java.util.EnumSet;
import org.apache.commons.statistics.descriptive.DoubleStatistics;
import org.apache.commons.statistics.descriptive.Statistic;

/** Mean and sample variance (divisor n - 1; 0 for one value) from Commons Statistics. */
record Moments(double mean, double variance) {

    static Moments of(double[] values) {
        DoubleStatistics s = DoubleStatistics.of(EnumSet.of(Statistic.MEAN, Statistic.VARIANCE), values);
        return new Moments(s.getAsDouble(Statistic.MEAN), values.length > 1 ? s.getAsDouble(Statistic.VARIANCE) : 0);
    }
}
