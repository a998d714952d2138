package dev.rigor.report;

import dev.rigor.analysis.Defaults;
import dev.rigor.analysis.Metric;
import dev.rigor.analysis.RunValues;
import dev.rigor.analysis.VarianceAnalysis;
import dev.rigor.analysis.VarianceResult;
import dev.rigor.analysis.VarianceSettings;
import java.util.ArrayList;
import java.util.List;

/** Variance-vs-n curves ({@link VarianceAnalysis}) of the metrics the user asked for, per variation. */
final class VarianceSection {

  private VarianceSection() {}

  static List<VariancePanel> of(RunValues values, ReportSetup s) {
    VarianceSettings settings = new VarianceSettings(Defaults.VARIANCE_THRESHOLD, 0, Defaults.VARIANCE_SUBSAMPLES,
        ReportDefaults.CONFIDENCE, s.seed());
    List<VariancePanel> out = new ArrayList<>();
    for (Metric m : s.variance()) {
      List<VariancePanel.Curve> curves = new ArrayList<>();
      for (VarianceResult r : VarianceAnalysis.compute(values, s.variations(), m, settings)) {
        curves.add(new VariancePanel.Curve(s.layout().place(r.group()), r));
      }
      out.add(new VariancePanel(m, settings.threshold(), s.layout().axes(curves.stream().map(VariancePanel.Curve::at).toList()),
          curves));
    }
    return out;
  }
}
