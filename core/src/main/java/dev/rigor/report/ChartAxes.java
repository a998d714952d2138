package dev.rigor.report;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The dimensions of a faceted chart, each with its values in display order: panels (facets), x
 * categories and colours. A dimension that is not used has one empty value and an empty title.
 */
public record ChartAxes(String facetTitle, List<String> facets, String xTitle, List<String> xs, String colorTitle,
    List<String> colors) {

  public ChartAxes {
    facets = List.copyOf(facets);
    xs = List.copyOf(xs);
    colors = List.copyOf(colors);
  }

  /** The axes of {@code placements}, each dimension's values in the order they first appear. */
  public static ChartAxes of(String facetTitle, String xTitle, String colorTitle, List<Placement> placements) {
    Set<String> f = new LinkedHashSet<>();
    Set<String> x = new LinkedHashSet<>();
    Set<String> c = new LinkedHashSet<>();
    for (Placement p : placements) {
      f.add(p.facet());
      x.add(p.x());
      c.add(p.color());
    }
    return new ChartAxes(facetTitle, List.copyOf(f), xTitle, List.copyOf(x), colorTitle, List.copyOf(c));
  }

  public int facetIndex(Placement p) {
    return facets.indexOf(p.facet());
  }

  public int xIndex(Placement p) {
    return xs.indexOf(p.x());
  }

  public int colorIndex(Placement p) {
    return colors.indexOf(p.color());
  }

  /** A legend entry for a colour: {@code arms=5}, naming its parameter (the value alone when there is no title). */
  public String colorLabel(String color) {
    return colorTitle.isEmpty() || color.isEmpty() ? color : colorTitle + "=" + color;
  }

  /** {@code workflows=50}, or empty for an unfaceted chart. */
  public String facetLabel(String facet) {
    return facetTitle.isEmpty() ? "" : facetTitle + "=" + facet;
  }
}
