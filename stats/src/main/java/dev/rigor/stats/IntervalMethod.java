package dev.rigor.stats;

/** The bootstrap confidence interval methods of {@link BootstrapResult}. */
public enum IntervalMethod {
    /** Quantiles of the replicates: Efron &amp; Tibshirani (1993) §13.3. */
    PERCENTILE,
    /** Basic (reverse percentile): {@code [2t - q(1-a/2), 2t - q(a/2)]}; Davison &amp; Hinkley (1997) eq. 5.6. */
    BASIC,
    /** Bias-corrected and accelerated: Efron (1987), JASA 82:171-185; Efron &amp; Tibshirani (1993) §14.3. */
    BCA
}
