package dev.rigor.report;

import java.util.Objects;

/**
 * Where one group goes in a faceted chart: its panel, its category on the x axis and its colour
 * (each a value text; empty when the chart has no such dimension).
 */
public record Placement(String facet, String x, String color) {

  public Placement {
    Objects.requireNonNull(facet, "facet");
    Objects.requireNonNull(x, "x");
    Objects.requireNonNull(color, "color");
  }
}
