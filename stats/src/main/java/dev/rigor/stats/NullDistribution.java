package dev.rigor.stats;

/** Where a test's p-value came from. */
public enum NullDistribution {
    /** Student's t distribution (t tests). */
    STUDENT_T,
    /** The exact permutation distribution of the rank statistic (small samples without ties). */
    EXACT,
    /** Normal approximation with tie correction and continuity correction, as R's {@code wilcox.test}. */
    NORMAL_APPROXIMATION,
    /**
     * No information to test: the data carry no variation (all paired differences zero, all values
     * identical, or zero variance). By definition the p-value is 1 when the observed effect is 0 and 0
     * when a non-zero effect is measured without any noise.
     */
    DEGENERATE
}
