package dev.rigor.report;

import dev.rigor.analysis.Metric;
import dev.rigor.analysis.VarianceResult;
import java.util.List;
import java.util.Objects;

/** The variance-vs-n curves of one metric, one per group (placed like the other charts), and the precision asked for. */
public record VariancePanel(Metric metric, double threshold, ChartAxes axes, List<Curve> groups) {

  /** One group's curve and where it is drawn. */
  public record Curve(Placement at, VarianceResult result) {
    public Curve {
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(result, "result");
    }
  }

  public VariancePanel {
    groups = List.copyOf(groups);
  }
}
