package dev.rigor.stats;

/** The two precision measures of a {@link VarianceCurve}. */
public enum VarianceMeasure {
    /** CV of the mean of n runs. */
    CV_OF_MEAN,
    /** Half-width of the t-based confidence interval of the mean of n runs, relative to the mean. */
    RELATIVE_HALF_WIDTH
}
