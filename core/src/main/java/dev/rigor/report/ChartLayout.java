package dev.rigor.report;

import dev.rigor.analysis.GroupKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the variations of an experiment are laid out in charts: one panel per value of the facet axis,
 * the ablation (or else the last remaining axis) as colours, and the other axes as x categories. For
 * seed 004: panels by workflows, policies on x, ablations as colours.
 *
 * @param facetAxis the axis whose values get a panel each
 * @param xAxes the axes whose value combinations are the x categories (joined with " · ")
 * @param colorAxis the axis whose values are colours
 */
public record ChartLayout(Optional<String> facetAxis, List<String> xAxes, Optional<String> colorAxis) {

  static final String ABLATION = "ablation";

  public ChartLayout {
    xAxes = List.copyOf(xAxes);
  }

  /** The layout of groups by {@code variationAxes} (matrix axes, then the ablation), faceted by {@code facet}. */
  public static ChartLayout of(List<String> variationAxes, Optional<String> facet) {
    List<String> rest = new ArrayList<>(variationAxes);
    facet.ifPresent(rest::remove);
    Optional<String> color = Optional.empty();
    if (rest.contains(ABLATION)) {
      color = Optional.of(ABLATION);
    } else if (rest.size() >= 2) {
      color = Optional.of(rest.get(rest.size() - 1));
    }
    color.ifPresent(rest::remove);
    return new ChartLayout(facet.filter(variationAxes::contains), rest, color);
  }

  /** The same layout with the colour axis removed (its axis goes nowhere: for charts of one colour value). */
  public ChartLayout withoutColor() {
    return new ChartLayout(facetAxis, xAxes, Optional.empty());
  }

  /** Where the group with {@code key} goes. */
  public Placement place(GroupKey key) {
    return place(key, colorAxis.map(a -> value(key, a)).orElse(""));
  }

  /** Where the group with {@code key} goes, in colour {@code color}. */
  public Placement place(GroupKey key, String color) {
    String facet = facetAxis.map(a -> value(key, a)).orElse("");
    List<String> xs = new ArrayList<>();
    for (String axis : xAxes) {
      xs.add(value(key, axis));
    }
    return new Placement(facet, xs.isEmpty() ? "all" : String.join(" · ", xs), color);
  }

  /** The axes of a chart of {@code placements} laid out this way. */
  public ChartAxes axes(List<Placement> placements) {
    return ChartAxes.of(facetAxis.orElse(""), xTitle(), colorAxis.orElse(""), placements);
  }

  /** The x axis title: the x axes joined with " · ". */
  public String xTitle() {
    return String.join(" · ", xAxes);
  }

  private static String value(GroupKey key, String axis) {
    String v = key.values().get(axis);
    return v == null ? "" : v;
  }
}
