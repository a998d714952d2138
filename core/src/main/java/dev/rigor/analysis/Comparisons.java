package dev.rigor.analysis;

import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * {@code rigor compare}: every contrast × metric measured ({@link MetricContrast}), the p-values
 * adjusted together, and a verdict per row.
 *
 * <p>The verdict follows the adjusted p-value of the test (paired t by default), and the interval reported
 * with it is the test's own ({@link Comparison#interval}: t, or Hodges–Lehmann for Wilcoxon), so that the two never
 * disagree; the bootstrap interval of {@code --statistic} is shown beside it. Not the bootstrap interval, because at the run counts experiments have (n ≈ 3–30), percentile and BCa intervals of a mean are
 * too narrow (coverage ≈ P(|T_{n-1}| ≤ z·√((n−1)/n)), Hesterberg 2015) and a paired BCa check rejects
 * a true null ~6.3% of the time at n = 30, while the paired t test holds 5% (docs/STATISTICS.md).
 * With {@code --test none} the verdict is whether the interval excludes the null, at a
 * Bonferroni-widened confidence {@code 1 - alpha/m} when a correction is asked for.
 *
 * <p>Rows are computed in parallel; every contrast's resampling stream is seeded from the base seed and
 * the contrast's own names ({@link StreamSeeds}), and its metrics share the resampled rows (each
 * metric's marginal bootstrap distribution is the one it would get alone), so the output does not
 * depend on threads or on which other rows were asked for.
 */
public final class Comparisons {

  private Comparisons() {}

  public static ComparisonReport compare(List<Contrast> contrasts, List<Metric> metrics, CompareSettings s)
      throws AnalysisException {
    if (contrasts.isEmpty()) {
      throw new AnalysisException("nothing to compare: no group has runs of both the control and a candidate");
    }
    if (metrics.isEmpty()) {
      throw new AnalysisException("nothing to compare: no metric (name one with --metric)");
    }
    List<String> notes = new ArrayList<>();
    List<Pairing> pairings = new ArrayList<>();
    for (Contrast c : contrasts) {
      Pairing p = Pairing.decide(c.control().okRuns(), c.candidate().okRuns(), c.pairingAxes(), s.pairing());
      pairings.add(p);
      notes.add(prefix(c) + p.explanation());
      notes.addAll(notOk(c));
    }
    int rows = contrasts.size() * metrics.size();
    boolean widened = s.test() == TestChoice.NONE && s.correction() != Correction.NONE && rows > 1;
    double confidence = widened ? 1 - s.alpha() / rows : 1 - s.alpha();
    // Tasks of one contrast × a slice of the metrics: each contrast's metrics share their resamples, and
    // slices keep every core busy when there are fewer contrasts than cores.
    int slices = Math.min(metrics.size(), Math.max(1, Runtime.getRuntime().availableProcessors() / contrasts.size()));
    int perSlice = (metrics.size() + slices - 1) / slices;
    List<Comparison> measured = IntStream.range(0, contrasts.size() * slices).parallel()
        .mapToObj(t -> {
          int c = t / slices;
          List<Metric> slice = metrics.subList(Math.min(metrics.size(), t % slices * perSlice),
              Math.min(metrics.size(), (t % slices + 1) * perSlice));
          return MetricContrast.measure(contrasts.get(c), pairings.get(c), slice, s, confidence);
        })
        .flatMap(List::stream)
        .toList();
    for (Contrast c : contrasts) {
      for (Metric m : metrics) {
        notes.addAll(missing(c, m));
      }
    }
    if (widened) {
      notes.add("--test none: verdicts from the interval alone, at " + confidence + " confidence (Bonferroni over " + rows
          + " comparisons)");
    }
    for (Comparison r : measured) {
      r.interval().filter(i -> i.confidence() < confidence - 1e-12).ifPresent(i -> notes.add(r.candidate() + " vs " + r.control()
          + ", " + r.metric().label() + ": the " + r.ciMethod().human() + " interval cannot reach " + level(confidence) + " with "
          + r.candidateStats().n() + (r.paired() ? " pairs" : " runs") + "; it is shown at " + level(i.confidence())
          + " (the widest there is)"));
    }
    return decide(measured, s, confidence, notes);
  }

  private static ComparisonReport decide(List<Comparison> rows, CompareSettings s, double confidence, List<String> notes) {
    List<Integer> tested = IntStream.range(0, rows.size()).filter(i -> rows.get(i).test().isPresent()).boxed().toList();
    double[] p = tested.stream().mapToDouble(i -> rows.get(i).test().orElseThrow().pValue()).toArray();
    double[] adjusted = p.length == 0 ? p : s.correction().adjustment().map(a -> a.adjust(p)).orElse(p);
    List<Comparison> out = new ArrayList<>(rows);
    for (int k = 0; k < tested.size(); k++) {
      int i = tested.get(k);
      Comparison r = rows.get(i);
      out.set(i, r.decided(OptionalDouble.of(adjusted[k]), Verdict.of(adjusted[k] < s.alpha(), higher(r), r.goal())));
    }
    if (s.test() == TestChoice.NONE) {
      for (int i = 0; i < out.size(); i++) {
        Comparison r = out.get(i);
        if (r.interval().isPresent()) {
          boolean significant = r.interval().get().excludes(r.intervalNull());
          out.set(i, r.decided(OptionalDouble.empty(), Verdict.of(significant, higher(r), r.goal())));
        }
      }
    }
    return new ComparisonReport(out, s, tested.size(), confidence, notes);
  }

  /** Whether the candidate is higher, by the sign of what was tested (the interval with --test none). */
  private static boolean higher(Comparison r) {
    if (r.test().isPresent() && r.test().get().difference().isPresent()) {
      return r.test().get().difference().get().estimate() > 0;
    }
    if (r.test().isPresent() && r.effectSize().isPresent()) {
      return r.effectSize().getAsDouble() > 0;
    }
    if (r.interval().isPresent()) {
      double shift = r.interval().get().estimate() - r.intervalNull();
      return r.ciMethod().bootstrap() && r.statistic() == EffectStatistic.RATIO && r.controlStats().mean() < 0 ? shift < 0 : shift > 0;
    }
    return r.candidateStats().mean() > r.controlStats().mean();
  }

  private static String level(double confidence) {
    return String.format(Locale.ROOT, "%.4g%%", 100 * confidence).replaceAll("\\.?0+%$", "%");
  }

  private static String prefix(Contrast c) {
    String group = c.group().values().isEmpty() ? "" : c.group().label() + ": ";
    return group + c.candidate().label() + " vs " + c.control().label() + ": ";
  }

  /** A note for each side with runs that are not ok: they are left out of the statistics. */
  private static List<String> notOk(Contrast c) {
    List<String> out = new ArrayList<>();
    for (Side side : List.of(c.control(), c.candidate())) {
      Map<RunStatus, Integer> counts = new EnumMap<>(RunStatus.class);
      side.runs().stream().filter(r -> !Measured.entersStatistics(r)).forEach(r -> counts.merge(r.meta().status(), 1, Integer::sum));
      if (!counts.isEmpty()) {
        int n = counts.values().stream().mapToInt(Integer::intValue).sum();
        out.add(prefix(c) + n + " of " + side.runs().size() + " runs of " + side.label() + " are not ok and left out ("
            + counts.entrySet().stream().map(e -> e.getValue() + " " + e.getKey().json()).collect(Collectors.joining(", ")) + ")");
      }
    }
    return out;
  }

  private static List<String> missing(Contrast c, Metric m) {
    List<String> out = new ArrayList<>();
    for (Side side : List.of(c.control(), c.candidate())) {
      List<RunRecord> without = MetricContrast.withoutValue(side, m);
      if (!without.isEmpty()) {
        RunRecord first = without.get(0);
        out.add(prefix(c) + m.label() + ": " + without.size() + " of " + side.okRuns().size() + " ok runs of " + side.label()
            + " have no value and are left out (e.g. " + first.meta().runId() + ": " + side.values().missingReason(first, m) + ")");
      }
    }
    return out;
  }
}
