package dev.rigor.analysis;

import java.util.Objects;
import java.util.Optional;

/**
 * A metric the analysis reads from every run: a scalar ({@code metrics.json} or a builtin such as
 * {@code wall_time_s}), or a series from {@code series.csv} reduced to a scalar.
 *
 * @param name the scalar's or the series' name
 * @param reduction how the series becomes a scalar; empty for a scalar metric
 */
public record Metric(String name, Optional<SeriesReduction> reduction) {

  public Metric {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reduction, "reduction");
  }

  public static Metric scalar(String name) {
    return new Metric(name, Optional.empty());
  }

  public static Metric series(String name, SeriesReduction reduction) {
    return new Metric(name, Optional.of(reduction));
  }

  /** {@code makespan_p95_ms}, or {@code reward:auc[last 25%]} for a reduced series. */
  public String label() {
    return reduction.map(r -> name + ":" + r.label()).orElse(name);
  }
}
