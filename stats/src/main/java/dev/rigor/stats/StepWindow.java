package dev.rigor.stats;

/**
 * A window over a series' steps: the whole range, its last fraction, or an explicit step range (a
 * spec's {@code window: "last 25%"} or {@code window: [from, to]}).
 */
public sealed interface StepWindow permits StepWindow.All, StepWindow.LastFraction, StepWindow.Range {

    /** The window's {@code [from, to]} on a series whose steps span {@code [first, last]}. */
    double[] resolve(double first, double last);

    /** Every step. */
    static StepWindow all() {
        return All.INSTANCE;
    }

    /** The last {@code fraction} of the step range, e.g. 0.25 for "last 25%". */
    static StepWindow lastFraction(double fraction) {
        return new LastFraction(fraction);
    }

    /** Steps {@code from..to}, inclusive. */
    static StepWindow range(double from, double to) {
        return new Range(from, to);
    }

    /** The whole step range. */
    enum All implements StepWindow {
        INSTANCE;

        @Override
        public double[] resolve(double first, double last) {
            return new double[] {first, last};
        }
    }

    /**
     * The last {@code fraction} of the step range: {@code [last - fraction (last - first), last]}.
     *
     * @param fraction in (0, 1]
     */
    record LastFraction(double fraction) implements StepWindow {
        public LastFraction {
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("fraction must be in (0, 1], e.g. 0.25 for the last 25%; got " + fraction);
            }
        }

        @Override
        public double[] resolve(double first, double last) {
            // max(): with fraction 1, last - (last - first) can round below first.
            return new double[] {Math.max(first, last - fraction * (last - first)), last};
        }
    }

    /**
     * An explicit step range.
     *
     * @param from first step, finite
     * @param to last step, {@code >= from}
     */
    record Range(double from, double to) implements StepWindow {
        public Range {
            Require.finite(from, "from");
            Require.finite(to, "to");
            if (from > to) {
                throw new IllegalArgumentException("window [" + from + ", " + to + "] is reversed: from must be <= to");
            }
        }

        @Override
        public double[] resolve(double first, double last) {
            return new double[] {from, to};
        }
    }
}
