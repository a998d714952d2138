/**
 * Rigor's pure statistics: descriptive summaries, Wilson intervals, seeded bootstrap intervals
 * (percentile, basic, BCa), t and rank tests, effect sizes, multiplicity corrections, t-test power,
 * variance-vs-n curves, series summaries and the robust aggregates of rliable.
 *
 * <p>Everything here is a pure function of its arguments: no I/O, no clocks, no printing, no text
 * formatting. Distributions, t/rank tests and quantiles come from Apache Commons Statistics,
 * random numbers from Apache Commons RNG ({@code XO_RO_SHI_RO_128_PP}, seeded); this package only
 * adds what those libraries lack. Each public method's javadoc names the method and its source.
 *
 * <p>Conventions, package-wide:
 * <ul>
 * <li>Two-sample functions take {@code (x, y)} and measure {@code x} relative to {@code y}:
 *     differences are {@code x - y}, ratios {@code x / y}, P(X &gt; Y). To ask "does B beat A", pass
 *     {@code (b, a)}.</li>
 * <li>Inputs must be finite: NaN and infinities are rejected with {@link IllegalArgumentException}.
 *     Input arrays are never modified.</li>
 * <li>A relative spread ({@code spread / |mean|}) is 0 when the spread is 0 and +&infin; when only
 *     the mean is 0.</li>
 * <li>Quantities that are undefined for the given data (e.g. a standard deviation of one value) are
 *     NaN and say so in their javadoc; no method throws because data happen to be constant.</li>
 * </ul>
 */
package dev.rigor.stats;
