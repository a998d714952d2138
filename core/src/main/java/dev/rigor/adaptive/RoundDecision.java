package dev.rigor.adaptive;

import dev.rigor.spec.Adaptive;
import dev.rigor.stats.ConfidenceInterval;
import dev.rigor.stats.ConfidenceSequence;
import dev.rigor.store.AdaptiveFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The decision after a round (pure): which variations' answers are clear.
 *
 * <ul>
 *   <li>{@code ci_halfwidth}: every metric's mean is known to the half-width asked (relative to |mean| for a
 *       percentage), by its confidence sequence at level α.</li>
 *   <li>{@code decided}: for every metric, the confidence sequence of the paired difference to the control
 *       (over the seeds both ran) excludes 0 (higher or lower: a decision) or lies inside ±margin
 *       (equivalent). The α of the spec is split evenly over the comparisons (Bonferroni), so the chance of
 *       any false better/worse over the whole experiment, however many rounds, stays at most α. The
 *       control is clear once every comparison is.</li>
 * </ul>
 * Intervals are Lai's t confidence sequences ({@link ConfidenceSequence#gaussianT}) tuned to be tightest
 * at {@code min_seeds}, where the first look happens.
 */
public final class RoundDecision {

  /** What the report and compare print for the method. */
  public static final String METHOD = "anytime-valid confidence sequence (Lai 1976 t mixture; see docs/STATISTICS.md)";

  private RoundDecision() {}

  /**
   * @param control index of the control variation in {@code observed} for {@code decided}; ignored otherwise
   */
  public static List<Verdict> decide(Adaptive settings, List<Observed> observed, int control) {
    List<Verdict> out = new ArrayList<>(observed.size());
    if (settings.until() instanceof Adaptive.HalfWidth h) {
      ConfidenceSequence cs = ConfidenceSequence.gaussianT(settings.alpha(), settings.minSeeds());
      for (Observed o : observed) {
        out.add(precision(settings, h, cs, o));
      }
      return out;
    }
    Adaptive.Decided d = (Adaptive.Decided) settings.until();
    int comparisons = Math.max(1, (observed.size() - 1) * settings.metrics().size());
    ConfidenceSequence cs = ConfidenceSequence.gaussianT(settings.alpha() / comparisons, settings.minSeeds());
    List<String> open = new ArrayList<>();
    for (int i = 0; i < observed.size(); i++) {
      if (i != control) {
        Verdict v = comparison(settings, d, cs, observed.get(i), observed.get(control));
        out.add(v);
        if (!v.clear()) {
          open.add(observed.get(i).label());
        }
      } else {
        out.add(null);
      }
    }
    Observed c = observed.get(control);
    ConfidenceSequence own = ConfidenceSequence.gaussianT(settings.alpha(), settings.minSeeds());
    List<AdaptiveFile.MetricState> states = new ArrayList<>();
    for (String m : settings.metrics()) {
      SeedValues v = c.metrics().get(m);
      ConfidenceInterval ci = own.interval(v == null ? new double[0] : v.values());
      states.add(state(m, "mean", v == null ? 0 : v.size(), ci, open.isEmpty(), "control"));
    }
    out.set(control, new Verdict(c, open.isEmpty(), open.isEmpty() ? "control: every comparison is decided"
        : "control: " + open.size() + " comparison(s) still undecided", states));
    return out;
  }

  private static Verdict precision(Adaptive a, Adaptive.HalfWidth h, ConfidenceSequence cs, Observed o) {
    List<AdaptiveFile.MetricState> states = new ArrayList<>();
    List<String> unclear = new ArrayList<>();
    int unclearCount = 0;
    for (String m : a.metrics()) {
      SeedValues v = o.metrics().get(m);
      ConfidenceInterval ci = cs.interval(v == null ? new double[0] : v.values());
      double allowed = h.relative() ? h.value() * Math.abs(ci.estimate()) : h.value();
      boolean clear = ci.halfWidth() <= allowed;
      states.add(state(m, "mean", v == null ? 0 : v.size(), ci, clear, clear ? "precise" : "imprecise"));
      unclearCount += clear ? 0 : 1;
      if (!clear && unclear.size() < 3) {
        unclear.add(m + " ±" + amount(ci.halfWidth(), h.relative() ? Math.abs(ci.estimate()) : Double.NaN)
            + " > ±" + amount(allowed, h.relative() ? Math.abs(ci.estimate()) : Double.NaN));
      }
    }
    String why = unclearCount == 0
        ? "every mean known to ±" + (h.relative() ? fmt(h.value() * 100) + "%" : fmt(h.value()))
        : String.join("; ", unclear) + (unclearCount > unclear.size() ? "; and " + (unclearCount - unclear.size()) + " more metrics" : "");
    return new Verdict(o, unclearCount == 0, why, states);
  }

  private static Verdict comparison(Adaptive a, Adaptive.Decided d, ConfidenceSequence cs, Observed o, Observed control) {
    List<AdaptiveFile.MetricState> states = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    boolean allClear = true;
    for (String m : a.metrics()) {
      SeedValues v = o.metrics().get(m);
      SeedValues c = control.metrics().get(m);
      double[] diff = v == null || c == null ? new double[0] : v.pairedMinus(c);
      ConfidenceInterval ci = cs.interval(diff);
      double margin = d.relative() ? d.margin() * Math.abs(c == null ? 0 : mean(c.values())) : d.margin();
      String verdict;
      if (ci.lower() > 0) {
        verdict = "higher";
      } else if (ci.upper() < 0) {
        verdict = "lower";
      } else if (margin > 0 && ci.lower() >= -margin && ci.upper() <= margin) {
        verdict = "equivalent";
      } else {
        verdict = "undecided";
      }
      boolean clear = !verdict.equals("undecided");
      allClear &= clear;
      states.add(state(m, "difference to control", diff.length, ci, clear, verdict));
      if (parts.size() < 3) {
        parts.add(m + " " + verdict + (clear && !verdict.equals("equivalent") ? " than" : " to") + " control (" + fmt(ci.estimate()) + " in [" + fmt(ci.lower()) + ", " + fmt(ci.upper()) + "]"
          + (verdict.equals("undecided") && margin > 0 ? ", margin ±" + fmt(margin) : "") + ")");
      }
    }
    int more = a.metrics().size() - parts.size();
    return new Verdict(o, allClear, String.join("; ", parts) + (more > 0 ? "; and " + more + " more metrics" : ""), states);
  }

  private static AdaptiveFile.MetricState state(String m, String of, int n, ConfidenceInterval ci, boolean clear, String verdict) {
    return new AdaptiveFile.MetricState(m, of, n, ci.estimate(), finite(ci.lower()), finite(ci.upper()), clear, verdict);
  }

  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x;
    }
    return v.length == 0 ? 0 : s / v.length;
  }

  private static String amount(double value, double of) {
    if (Double.isInfinite(value)) {
      return "∞";
    }
    return Double.isNaN(of) ? fmt(value) : fmt(of == 0 ? Double.POSITIVE_INFINITY : 100 * value / of) + "%";
  }

  /**
   * Four significant digits without {@link String#format} (a Formatter per number cost 100× the
   * interval itself: measured in bench/jmh AdaptiveDecisionBenchmark).
   */
  static String fmt(double v) {
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "-∞";
    }
    if (v == 0 || Double.isNaN(v)) {
      return v == 0 ? "0" : "NaN";
    }
    int exponent = (int) Math.floor(Math.log10(Math.abs(v)));
    if (exponent < -4 || exponent > 8) {
      return String.format(Locale.ROOT, "%.4g", v);
    }
    double scale = Math.pow(10, 3 - exponent);
    String text = Double.toString(Math.round(v * scale) / scale);
    return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
  }
}
