package dev.rigor.stats;

import org.apache.commons.rng.UniformRandomProvider;

/** A statistic bound to a resampling design: its estimate, its bootstrap replicates, its BCa acceleration. */
abstract class Resampling {

    /** The statistic on the original data. */
    abstract double estimate();

    /** Fills {@code replicates} with the statistic of successive resamples drawn from {@code rng}. */
    abstract void fill(UniformRandomProvider rng, double[] replicates);

    /** The BCa acceleration from the (per-group) jackknife; see {@link JackknifeAcceleration}. */
    abstract double acceleration();
}
