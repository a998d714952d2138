package dev.rigor.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rigor.analysis.Metric;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/** Faceted figures compare honestly: one value range for every panel of a metric, legends naming the parameter. */
class FacetedFiguresTest {

  @Test
  void panelsOfOneMetricShareTheirRangeAndTheLegendNamesTheParameter() {
    List<Placement> at = new ArrayList<>();
    List<MetricChart.Bar> bars = new ArrayList<>();
    double[][] means = {{100, 600}, {200, 1200}};
    String[] arms = {"5", "10"};
    String[] policies = {"greedy", "ucb"};
    for (int f = 0; f < 2; f++) {
      for (int c = 0; c < 2; c++) {
        Placement p = new Placement(policies[f], "bandit", arms[c]);
        at.add(p);
        double m = means[f][c];
        bars.add(new MetricChart.Bar(p, policies[f] + " " + arms[c], 3, m, m - 10, m + 10,
            List.of(new MetricChart.RunPoint("r", m))));
      }
    }
    MetricChart chart = new MetricChart(Metric.scalar("regret"), Optional.empty(), "95% CI", ChartAxes.of("policy", "", "arms", at), bars);
    JFreeChart figure = CategoryFigures.metric(chart);
    CombinedDomainXYPlot plot = (CombinedDomainXYPlot) figure.getPlot();
    List<XYPlot> panels = plot.getSubplots();
    assertThat(panels).hasSize(2);
    assertThat(panels.get(0).getRangeAxis().getRange()).isEqualTo(panels.get(1).getRangeAxis().getRange());
    assertThat(panels.get(0).getRangeAxis().getRange().contains(1210)).isTrue();
    assertThat(panels.get(1).getRangeAxis().getRange().contains(90)).isTrue();
    List<String> legend = new ArrayList<>();
    for (int i = 0; i < plot.getFixedLegendItems().getItemCount(); i++) {
      legend.add(plot.getFixedLegendItems().get(i).getLabel());
    }
    assertThat(legend).containsExactly("arms=5", "arms=10");
  }
}
