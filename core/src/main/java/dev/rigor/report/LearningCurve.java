package dev.rigor.report;

import java.util.List;
import java.util.Objects;

/**
 * A series metric by step: per group, the mean across runs with its confidence band at each step of
 * an even grid.
 */
public record LearningCurve(String series, ChartAxes axes, List<Line> lines) {

  /**
   * One group's curve; arrays are parallel, one entry per grid step.
   *
   * @param lower NaN where fewer than two runs have a value
   * @param n the runs with a value at each step
   */
  public record Line(Placement at, String group, double[] steps, double[] mean, double[] lower, double[] upper, int[] n) {
    public Line {
      Objects.requireNonNull(at, "at");
      if (mean.length != steps.length || lower.length != steps.length || upper.length != steps.length || n.length != steps.length) {
        throw new IllegalArgumentException("a curve's arrays must have one entry per step");
      }
      steps = steps.clone();
      mean = mean.clone();
      lower = lower.clone();
      upper = upper.clone();
      n = n.clone();
    }
  }

  public LearningCurve {
    Objects.requireNonNull(series, "series");
    lines = List.copyOf(lines);
  }
}
