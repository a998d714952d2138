package dev.rigor.analysis;

import dev.rigor.stats.Summary;
import dev.rigor.stats.TTestDesign;
import dev.rigor.stats.TTestPower;
import dev.rigor.store.RunRecord;
import dev.rigor.store.RunStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;

/**
 * {@code rigor power}: runs (seeds) per variation needed to detect an effect, by the noncentral-t
 * power of the t test that compare would run ({@link TTestPower}, as R's {@code power.t.test}).
 *
 * <p>Design, per group: when a control is known (--control, else the spec's report.control) and the
 * group shares its seeds with its control counterpart (same other attributes, control's values for the
 * control's keys), the paired design with sd = the sd of the per-seed differences — what compare
 * would test; otherwise two-sample with the pooled sd of the group and its control, or with the
 * group's own sd when there is no control. {@code sd} is always the sd of one observation, never a
 * standard error (seed 001's bug).
 */
public final class PowerAnalysis {

  private PowerAnalysis() {}

  public static List<PowerResult> compute(RunValues values, Grouping grouping, Metric metric, Optional<Selector> control,
      PowerSettings s) throws AnalysisException {
    Experiment e = values.experiment();
    if (control.isPresent()) {
      control.get().select(e, "--control");
    }
    List<PowerResult> out = new ArrayList<>();
    for (Group g : grouping.apply(e, e.runs())) {
      // The control is what the others are planned against, not a candidate: no row of it against itself.
      if (control.isPresent() && !g.runs().isEmpty() && g.runs().stream().allMatch(control.get()::matches)) {
        continue;
      }
      out.add(plan(values, grouping, g, metric, control, s));
    }
    return out;
  }

  private static PowerResult plan(RunValues values, Grouping grouping, Group g, Metric metric, Optional<Selector> control,
      PowerSettings s) throws AnalysisException {
    double[] x = values.values(g.okRuns(), metric);
    if (control.isEmpty()) {
      return twoSample(g, metric, x, x, "no control (--control, or report.control in the spec): two-sample with this variation's own sd",
          "itself", s);
    }
    Selector c = control.get();
    List<RunRecord> base = counterpart(values.experiment(), grouping, g, c);
    if (base.isEmpty()) {
      return twoSample(g, metric, x, x, "no control run (" + c.text() + ") shares this group's other values: two-sample with its own sd",
          "itself", s);
    }
    String baseline = c.text();
    List<RunRecord> own = g.okRuns().stream().filter(r -> !c.matches(r)).toList();
    Pairing p = Pairing.decide(base, own, pairingAxes(values.experiment(), grouping, c), PairingMode.AUTO);
    if (p.paired()) {
      return paired(values, g, metric, p, baseline, s);
    }
    return twoSample(g, metric, values.values(own, metric), values.values(base, metric), "two-sample with the pooled sd: " + p.explanation(), baseline, s);
  }

  /** The control's ok runs that agree with the group on every grouping attribute the control does not fix. */
  private static List<RunRecord> counterpart(Experiment e, Grouping grouping, Group g, Selector c) {
    Selector key = Selector.of(baselineKey(grouping, g, c));
    return e.runs().stream().filter(r -> r.meta().status() == RunStatus.OK && key.matches(r)).toList();
  }

  private static Map<String, String> baselineKey(Grouping grouping, Group g, Selector c) {
    Map<String, String> key = new LinkedHashMap<>(g.key().values());
    c.conditions().forEach(cond -> key.put(cond.key(), cond.value()));
    return key;
  }

  private static List<String> pairingAxes(Experiment e, Grouping grouping, Selector c) {
    Set<String> axes = new LinkedHashSet<>(e.matrixAxes());
    if (e.hasAblations()) {
      axes.add(RunAttributes.ABLATION);
    }
    axes.removeAll(grouping.axes());
    axes.removeAll(c.keys());
    return List.copyOf(axes);
  }

  private static PowerResult paired(RunValues values, Group g, Metric metric, Pairing p, String baseline, PowerSettings s) {
    List<Double> d = new ArrayList<>();
    List<Double> base = new ArrayList<>();
    for (Pairing.RunPair pair : p.pairs()) {
      double a = values.value(pair.control(), metric);
      double b = values.value(pair.candidate(), metric);
      if (!Double.isNaN(a) && !Double.isNaN(b)) {
        d.add(b - a);
        base.add(a);
      }
    }
    double[] diffs = d.stream().mapToDouble(Double::doubleValue).toArray();
    double baseMean = base.isEmpty() ? Double.NaN : base.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double sd = diffs.length < 2 ? Double.NaN : Summary.of(diffs).standardDeviation();
    return finish(g, metric, TTestDesign.PAIRED, "shares its seeds with the control, " + p.explanation() + ": sd of the per-seed differences", baseline,
        diffs.length, sd, baseMean, s);
  }

  private static PowerResult twoSample(Group g, Metric metric, double[] x, double[] y, String reason, String baseline,
      PowerSettings s) {
    int n = Math.min(x.length, y.length);
    double baseMean = y.length == 0 ? Double.NaN : Summary.of(y).mean();
    double sd = x.length < 2 || y.length < 2 ? Double.NaN : pooledSd(x, y, x == y);
    return finish(g, metric, TTestDesign.TWO_SAMPLE, reason, baseline, n, sd, baseMean, s);
  }

  private static double pooledSd(double[] x, double[] y, boolean same) {
    double sx = Summary.of(x).standardDeviation();
    if (same) {
      return sx;
    }
    double sy = Summary.of(y).standardDeviation();
    return Math.sqrt(((x.length - 1) * sx * sx + (y.length - 1) * sy * sy) / (x.length + y.length - 2));
  }

  private static PowerResult finish(Group g, Metric metric, TTestDesign design, String reason, String baseline, int n, double sd,
      double baseMean, PowerSettings s) {
    double delta = s.effect().delta(baseMean);
    if (Double.isNaN(sd) || Double.isNaN(delta)) {
      return result(g, metric, design, reason, "fewer than 2 runs with a value: no sd to plan from", baseline, n, sd, delta,
          OptionalInt.empty(), OptionalDouble.empty());
    }
    if (delta == 0) {
      return result(g, metric, design, reason, "the baseline mean is 0: give an absolute --effect", baseline, n, sd, delta,
          OptionalInt.empty(), OptionalDouble.empty());
    }
    if (sd == 0) {
      return result(g, metric, design, reason, "no variation at all" + (design == TTestDesign.PAIRED ? " in the differences" : "")
          + ": any difference shows", baseline, n, sd, delta, OptionalInt.of(2), OptionalDouble.of(1));
    }
    OptionalDouble achieved = n >= 2 ? OptionalDouble.of(TTestPower.power(design, n, delta, sd, s.alpha()).power())
        : OptionalDouble.empty();
    try {
      int needed = TTestPower.sampleSize(design, delta, sd, s.alpha(), s.power()).wholeN();
      return result(g, metric, design, reason, null, baseline, n, sd, delta, OptionalInt.of(needed), achieved);
    } catch (IllegalArgumentException e) {
      return result(g, metric, design, reason, e.getMessage(), baseline, n, sd, delta, OptionalInt.empty(), achieved);
    }
  }

  private static PowerResult result(Group g, Metric metric, TTestDesign design, String reason, String caveat, String baseline,
      int n, double sd, double delta, OptionalInt needed, OptionalDouble achieved) {
    return new PowerResult(g.key(), metric, Optional.of(design), reason, Optional.ofNullable(caveat), baseline, n, sd, delta,
        needed, achieved);
  }
}
