package dev.rigor.report;

import dev.rigor.analysis.AnalysisException;
import dev.rigor.analysis.Candidates;
import dev.rigor.analysis.CompareSettings;
import dev.rigor.analysis.Comparison;
import dev.rigor.analysis.ComparisonReport;
import dev.rigor.analysis.Comparisons;
import dev.rigor.analysis.Contrast;
import dev.rigor.analysis.Contrasts;
import dev.rigor.analysis.Correction;
import dev.rigor.analysis.EffectStatistic;
import dev.rigor.analysis.Experiment;
import dev.rigor.analysis.Grouping;
import dev.rigor.analysis.IntervalChoice;
import dev.rigor.analysis.Metric;
import dev.rigor.analysis.Pairing;
import dev.rigor.analysis.PairingMode;
import dev.rigor.analysis.RunValues;
import dev.rigor.analysis.Selector;
import dev.rigor.analysis.TestChoice;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The report's two families of comparisons, both computed by {@link Comparisons} as ratios of means
 * (candidate ÷ control) with bootstrap BCa intervals, verdicts from t tests, Holm-adjusted:
 * <ul>
 *   <li>each ablation against the baseline ablation, within every variation, paired by seed (runs
 *       without a partner are left out, and the note says so);
 *   <li>each variation against the report's control, within every facet, paired by seed and the
 *       other variation attributes when both sides have them (else unpaired, with a note) — what
 *       {@code rigor compare} does.
 * </ul>
 */
final class EffectSections {

  static final String ABLATION = "ablation";

  private EffectSections() {}

  static EffectSection ablations(Experiment e, RunValues values, ReportSetup s) throws AnalysisException {
    if (!e.hasAblations()) {
      return empty("");
    }
    List<String> ablations = e.valuesOf(ABLATION, e.runs());
    String baseline = e.declaredValues().getOrDefault(ABLATION, List.of()).stream().filter(ablations::contains).findFirst()
        .orElse(ablations.get(0));
    Map<String, String> names = new LinkedHashMap<>();
    List<Selector> candidates = new ArrayList<>();
    for (String a : ablations) {
      if (!a.equals(baseline)) {
        Selector c = Selector.of(Map.of(ABLATION, a));
        candidates.add(c);
        names.put(c.text(), a);
      }
    }
    Selector control = Selector.of(Map.of(ABLATION, baseline));
    List<String> notes = new ArrayList<>();
    List<Contrast> contrasts = pairable(Contrasts.within(values, control, candidates, new Grouping(e.matrixAxes()), notes), notes);
    Optional<String> facet = s.layout().facetAxis().filter(e.matrixAxes()::contains);
    ChartLayout layout = new ChartLayout(facet, e.matrixAxes().stream().filter(a -> !facet.equals(Optional.of(a))).toList(),
        Optional.of(ABLATION));
    String design = "each ablation ÷ the baseline (" + baseline + "), within each variation, paired by seed";
    return section(control.text(), design, contrasts, s, PairingMode.SEED, notes,
        c -> layout.place(c.group(), names.getOrDefault(c.candidate(), c.candidate())), layout.axes(List.of()));
  }

  static EffectSection control(Experiment e, RunValues values, ReportSetup s) throws AnalysisException {
    if (s.control().isEmpty()) {
      return empty("");
    }
    Selector control = s.control().get();
    Map<String, String> names = new LinkedHashMap<>();
    List<Selector> candidates = new ArrayList<>();
    for (Map<String, String> combo : Candidates.around(control, e, "report.control")) {
      Selector candidate = Selector.of(combo);
      candidates.add(candidate);
      names.put(candidate.text(), String.join(" · ", combo.values()));
    }
    Optional<String> facet = s.layout().facetAxis().filter(f -> !control.keys().contains(f));
    Grouping by = new Grouping(facet.map(List::of).orElse(List.of()));
    List<String> notes = new ArrayList<>();
    List<Contrast> contrasts = Contrasts.within(values, control, candidates, by, notes);
    String design = "each " + String.join(" · ", control.keys()) + " ÷ the control (" + control.text() + ")"
        + facet.map(f -> ", within each " + f).orElse("") + ", paired by seed where both sides have the same seeds";
    ChartLayout layout = new ChartLayout(facet, List.of(String.join(" · ", control.keys())), Optional.empty());
    return section(control.text(), design, contrasts, s, PairingMode.AUTO, notes,
        c -> new Placement(facet.map(f -> c.group().values().get(f)).orElse(""), names.getOrDefault(c.candidate(), c.candidate()), ""),
        layout.axes(List.of()));
  }

  private static EffectSection section(String control, String design, List<Contrast> contrasts, ReportSetup s, PairingMode pairing,
      List<String> notes, Function<Comparison, Placement> place, ChartAxes titles) throws AnalysisException {
    if (contrasts.isEmpty() || s.compared().isEmpty()) {
      notes.add("nothing to compare: no variation has runs of both sides");
      return new EffectSection(control, design, List.of(), 0, 1 - ReportDefaults.ALPHA, notes);
    }
    CompareSettings settings = new CompareSettings(EffectStatistic.RATIO, TestChoice.T, Correction.HOLM, IntervalChoice.BCA,
        ReportDefaults.ALPHA, s.resamples(), s.seed(), pairing);
    ComparisonReport report = Comparisons.compare(contrasts, s.compared(), settings);
    notes.addAll(report.notes());
    Map<Metric, List<EffectChart.Row>> rows = new LinkedHashMap<>();
    s.compared().forEach(m -> rows.put(m, new ArrayList<>()));
    for (Comparison c : report.rows()) {
      rows.get(c.metric()).add(new EffectChart.Row(place.apply(c), c));
    }
    List<EffectChart> charts = new ArrayList<>();
    rows.forEach((m, r) -> charts.add(new EffectChart(m, r.isEmpty() ? Optional.empty() : r.get(0).comparison().goal(),
        ChartAxes.of(titles.facetTitle(), titles.xTitle(), titles.colorTitle(), r.stream().map(EffectChart.Row::at).toList()), r)));
    String full = design + String.format(Locale.ROOT, "; ratio of means with %s%% BCa bootstrap CIs (%,d resamples); verdicts from %s"
        + " t tests, Holm-adjusted over %d comparisons, at α = %s", Numbers.format(100 * report.ciConfidence()), s.resamples(),
        pairing == PairingMode.SEED ? "paired" : "paired (else Welch)", report.tests(), Numbers.format(ReportDefaults.ALPHA));
    return new EffectSection(control, full, charts, report.tests(), report.ciConfidence(), notes);
  }

  /** The contrasts whose runs pair up by seed (at least two pairs); the others are left out with a note. */
  private static List<Contrast> pairable(List<Contrast> contrasts, List<String> notes) {
    List<Contrast> out = new ArrayList<>();
    for (Contrast c : contrasts) {
      try {
        Pairing.decide(c.control().okRuns(), c.candidate().okRuns(), c.pairingAxes(), PairingMode.SEED);
        out.add(c);
      } catch (AnalysisException e) {
        notes.add(c.group().label() + ", " + c.candidate().label() + ": left out — " + e.getMessage());
      }
    }
    return out;
  }

  private static EffectSection empty(String control) {
    return new EffectSection(control, "", List.of(), 0, 1 - ReportDefaults.ALPHA, List.of());
  }
}
