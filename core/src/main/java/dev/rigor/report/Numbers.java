package dev.rigor.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * Numbers as the report shows them to people, independent of the platform's locale: four significant
 * digits, integers from 1,000 up (no grouping separator, so intervals stay unambiguous), scientific
 * notation for the very large and very small. The page's JavaScript formats the same way.
 */
public final class Numbers {

  /** What a missing value looks like. */
  public static final String MISSING = "—";

  private Numbers() {}

  public static String format(double v) {
    if (Double.isNaN(v)) {
      return MISSING;
    }
    if (Double.isInfinite(v)) {
      return v > 0 ? "∞" : "-∞";
    }
    double a = Math.abs(v);
    if (a == 0) {
      return "0";
    }
    if (a >= 1e9 || a < 1e-4) {
      return String.format(Locale.ROOT, "%.3e", v).replaceAll("\\.?0+e", "e").replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
    }
    if (a >= 1000) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }

  /** {@code 123.4 [110.2, 140.1]}; the interval is left out when its bounds are missing. */
  public static String withInterval(double estimate, double lower, double upper) {
    if (Double.isNaN(lower) || Double.isNaN(upper)) {
      return format(estimate);
    }
    return format(estimate) + " [" + format(lower) + ", " + format(upper) + "]";
  }

  /** A ratio, to three significant digits: {@code 0.62}. */
  public static String ratio(double r) {
    if (!Double.isFinite(r)) {
      return format(r);
    }
    return r == 0 ? "0" : new BigDecimal(r).round(new MathContext(3)).stripTrailingZeros().toPlainString();
  }

  /** {@code 0.356× [0.178, 0.645]}; the interval is left out when its bounds are missing. */
  public static String ratioWithInterval(double estimate, double lower, double upper) {
    String e = ratio(estimate) + "×";
    return Double.isNaN(lower) || Double.isNaN(upper) ? e : e + " [" + ratio(lower) + ", " + ratio(upper) + "]";
  }

  /** Axis ticks: compact ({@code 250k}, {@code 1.5M}) so that labels stay short; the page does the same. */
  public static String axis(double v) {
    double a = Math.abs(v);
    if (a >= 1e9) {
      return format(v / 1e9) + "G";
    }
    if (a >= 1e6) {
      return format(v / 1e6) + "M";
    }
    if (a >= 1e4) {
      return format(v / 1e3) + "k";
    }
    return format(v);
  }

  /** A relative change: {@code +4.2%}, {@code -38%}. */
  public static String change(double fraction) {
    if (Double.isNaN(fraction)) {
      return MISSING;
    }
    String s = format(100 * fraction);
    return (fraction > 0 ? "+" : "") + s + "%";
  }

  /** A p-value: {@code 0.0032}, {@code < 0.0001}. */
  public static String pValue(double p) {
    if (Double.isNaN(p)) {
      return MISSING;
    }
    return p < 1e-4 ? "< 0.0001" : new BigDecimal(p).round(new MathContext(2)).stripTrailingZeros().toPlainString();
  }

  /** A duration in seconds for people: {@code 3.1 s}, {@code 4 min 12 s}, {@code 2 h 05 min}. */
  public static String duration(double seconds) {
    if (Double.isNaN(seconds)) {
      return MISSING;
    }
    if (seconds < 60) {
      return format(seconds) + " s";
    }
    long s = Math.round(seconds);
    if (s < 3600) {
      return (s / 60) + " min " + (s % 60) + " s";
    }
    return (s / 3600) + " h " + String.format(Locale.ROOT, "%02d", (s % 3600) / 60) + " min";
  }
}
