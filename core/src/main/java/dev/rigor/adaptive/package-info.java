/**
 * Adaptive replication (DESIGN.md §13): rounds of sweeps that add the next seeds of the spec's seed
 * sequence only to the variations whose answer is not yet clear, judged by anytime-valid confidence
 * sequences ({@link dev.rigor.stats.ConfidenceSequence}), so looking after every round does not
 * inflate errors. Above sweep and analysis; it is handed an executor factory and never names a backend.
 */
package dev.rigor.adaptive;
