package dev.rigor.stats;

/** Which rejections of a two-sided test count toward its power. */
public enum RejectionRegion {
    /**
     * Only rejections on the side of the true effect: the probability of concluding the right sign.
     * R's {@code power.t.test} default ({@code strict = FALSE}), and the default here.
     */
    EFFECT_SIDE,
    /** Rejections on either side, including the wrong sign (R's {@code strict = TRUE}). */
    BOTH_SIDES
}
