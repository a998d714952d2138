package dev.rigor.stats;

/** Argument checks shared by this package; each message names the argument and what is allowed. */
final class Require {
    private Require() {
    }

    /** Requires a non-null array of finite values with at least {@code minSize} elements. */
    static double[] finite(double[] values, String name, int minSize) {
        if (values == null) {
            throw new IllegalArgumentException(name + " must not be null");
        }
        if (values.length < minSize) {
            throw new IllegalArgumentException(name + " needs at least " + minSize
                + (minSize == 1 ? " value" : " values") + "; got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is " + values[i]
                    + "; values must be finite (NaN and infinities are rejected: drop or impute them first)");
            }
        }
        return values;
    }

    /** Requires {@code x} and {@code y} to have the same length (paired data). */
    static void sameLength(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("paired samples must have the same length; x has " + x.length
                + " values and y has " + y.length);
        }
    }

    /** Requires a confidence level strictly between 0 and 1. */
    static double confidence(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), e.g. 0.95; got " + confidence);
        }
        return confidence;
    }

    /** Requires a probability in [0, 1]. */
    static double probability(double p, String name) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1]; got " + p);
        }
        return p;
    }

    /** Requires a finite number. */
    static double finite(double value, String name) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be finite; got " + value);
        }
        return value;
    }

    /** Requires a finite number greater than zero. */
    static double positive(double value, String name) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number > 0; got " + value);
        }
        return value;
    }

    /** Requires an integer of at least {@code min}. */
    static int atLeast(int value, int min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + "; got " + value);
        }
        return value;
    }
}
