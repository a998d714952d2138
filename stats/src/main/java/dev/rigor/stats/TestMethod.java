package dev.rigor.stats;

/** The hypothesis tests of {@link TTests} and {@link RankTests}. */
public enum TestMethod {
    /** One-sample t test of the mean against a hypothesised value. */
    ONE_SAMPLE_T,
    /** Paired t test: one-sample t test of the differences {@code x - y} against 0. */
    PAIRED_T,
    /** Welch's unequal-variance t test with the Welch-Satterthwaite degrees of freedom. */
    WELCH_T,
    /** Student's two-sample t test with pooled variance. */
    STUDENT_T,
    /** Wilcoxon signed-rank test of the paired differences; statistic V = sum of positive ranks (R's V). */
    WILCOXON_SIGNED_RANK,
    /** Mann-Whitney U (Wilcoxon rank-sum) test; statistic U of x (R's W). */
    MANN_WHITNEY_U
}
