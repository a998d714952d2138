package dev.rigor.stats;

/**
 * A statistic of stratified data, evaluated by {@link Bootstrap#stratified}, which resamples within
 * each stratum (e.g. the runs of each task). Implementations may reorder any stratum and must not keep
 * the arrays.
 */
@FunctionalInterface
public interface StratifiedStatistic {

    /**
     * Evaluates the statistic.
     *
     * @param strata one array per stratum, in the order given to the bootstrap
     * @return the statistic
     */
    double evaluate(double[][] strata);
}
