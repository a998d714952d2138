package dev.rigor.report;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * What the user asked of a report (the command line); the spec's {@code report:} section and
 * {@link ReportDefaults} fill in the rest ({@link ReportSetup}).
 *
 * @param facet the axis to facet charts by; empty for the spec's {@code report.facet}
 * @param control the control selector ({@code policy=fifo}); empty for the spec's {@code report.control}
 * @param metrics the metrics to chart; empty for the spec's {@code report.metrics}, else its goals, else all
 * @param variance metrics to draw variance-vs-n curves for (none by default: they are asked for)
 * @param resamples bootstrap resamples of the ratio intervals; empty for {@link ReportDefaults#resamples automatic}
 * @param generatedAt the time the report says it was generated (a fixed clock in tests)
 */
public record ReportOptions(Set<ReportFormat> formats, Optional<String> facet, Optional<String> control, List<String> metrics,
    List<String> variance, OptionalInt resamples, long seed, Instant generatedAt, boolean allDefinitions) {

  /** Without the runs of earlier trial definitions (see {@code analysis.Definitions}). */
  public ReportOptions(Set<ReportFormat> formats, Optional<String> facet, Optional<String> control, List<String> metrics,
      List<String> variance, OptionalInt resamples, long seed, Instant generatedAt) {
    this(formats, facet, control, metrics, variance, resamples, seed, generatedAt, false);
  }

  public ReportOptions {
    formats = formats.isEmpty() ? EnumSet.noneOf(ReportFormat.class) : EnumSet.copyOf(formats);
    Objects.requireNonNull(facet, "facet");
    Objects.requireNonNull(control, "control");
    metrics = List.copyOf(metrics);
    variance = List.copyOf(variance);
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(resamples, "resamples");
    if (resamples.isPresent() && resamples.getAsInt() < 100) {
      throw new IllegalArgumentException("--resamples must be at least 100 (" + ReportDefaults.RESAMPLES + " recommended); got "
          + resamples.getAsInt());
    }
  }

  /** Every format, the spec's settings, now. */
  public static ReportOptions defaults() {
    return new ReportOptions(ReportDefaults.FORMATS, Optional.empty(), Optional.empty(), List.of(), List.of(),
        OptionalInt.empty(), ReportDefaults.SEED, Instant.now());
  }

  public ReportOptions withFormats(Set<ReportFormat> f) {
    return new ReportOptions(f, facet, control, metrics, variance, resamples, seed, generatedAt, allDefinitions);
  }
}
