package dev.rigor.stats;

/** The t-test designs of {@link TTestPower}. */
public enum TTestDesign {
    /**
     * Paired (equivalently one-sample on the differences): n is the number of pairs, sd the standard
     * deviation of the paired differences; df = n - 1, ncp = sqrt(n) delta / sd.
     */
    PAIRED(1),
    /**
     * Two independent samples of equal size: n is the size of each group, sd the common within-group
     * standard deviation; df = 2 (n - 1), ncp = sqrt(n / 2) delta / sd.
     */
    TWO_SAMPLE(2);

    private final int samples;

    TTestDesign(int samples) {
        this.samples = samples;
    }

    /** R's {@code tsample}: 1 or 2. */
    int samples() {
        return samples;
    }
}
