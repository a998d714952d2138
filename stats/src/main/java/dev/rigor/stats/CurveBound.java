package dev.rigor.stats;

/** Which line of a {@link VarianceCurve} a threshold is compared with. */
public enum CurveBound {
    /** The central estimate. */
    CENTRAL,
    /** The upper band: conservative, n is enough even for an unlucky set of runs. */
    UPPER
}
