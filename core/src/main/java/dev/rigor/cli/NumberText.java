package dev.rigor.cli;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * How analysis tables write numbers: for people, four significant digits (scientific beyond
 * [0.0001, 10⁶)) and "—" for a missing value; for machines (csv, json), the full double and an empty
 * cell. Always {@link Locale#ROOT}, so output does not depend on the user's locale.
 */
final class NumberText {

  static final String MISSING = "—";

  private NumberText() {}

  static String human(double x) {
    if (Double.isNaN(x)) {
      return MISSING;
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "∞" : "-∞";
    }
    if (x == 0) {
      return "0";
    }
    double a = Math.abs(x);
    if (a >= 1e6 || a < 1e-4) {
      return String.format(Locale.ROOT, "%.3e", x);
    }
    int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(a)));
    // BigDecimal of the exact double, rounded half-up: the digits String.format("%.nf") prints, without
    // its format parsing (thousands of cells per table).
    return withoutTrailingZeros(fixed(x, decimals));
  }

  /** {@code x} with {@code decimals} decimals, as {@code String.format("%.nf")} writes it. */
  static String fixed(double x, int decimals) {
    if (!Double.isFinite(x)) {
      return human(x);
    }
    return new BigDecimal(x).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
  }

  private static String withoutTrailingZeros(String s) {
    if (s.indexOf('.') < 0) {
      return s;
    }
    int end = s.length();
    while (s.charAt(end - 1) == '0') {
      end--;
    }
    if (s.charAt(end - 1) == '.') {
      end--;
    }
    return s.substring(0, end);
  }

  /** {@code "1 test"}, {@code "3 tests"}: a count with its noun in the right number (nouns taking an s). */
  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  static String machine(double x) {
    if (Double.isNaN(x)) {
      return "";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "Infinity" : "-Infinity";
    }
    double a = Math.abs(x);
    if (a == 0 || (a >= 1e-6 && a < 1e15)) {
      BigDecimal b = new BigDecimal(Double.toString(x)).stripTrailingZeros();
      return b.signum() == 0 ? "0" : b.toPlainString();
    }
    return Double.toString(x);
  }

  static String of(double x, boolean machine) {
    return machine ? machine(x) : human(x);
  }

  /** A p-value for people: four decimals, {@code <0.0001} below. */
  static String pValue(double p) {
    if (Double.isNaN(p)) {
      return MISSING;
    }
    return p < 0.0001 ? "<0.0001" : fixed(p, 4);
  }

  /** A fraction as a signed percentage for people: {@code +12.3%}. */
  static String signedPercent(double fraction) {
    if (Double.isNaN(fraction)) {
      return MISSING;
    }
    String s = fixed(100 * fraction, 1);
    return (s.startsWith("-") ? s : "+" + s) + "%";
  }

  /** A fraction as a percentage for people: {@code 87.5%}. */
  static String percent(double fraction) {
    if (Double.isNaN(fraction)) {
      return MISSING;
    }
    return withoutTrailingZeros(fixed(100 * fraction, 1)) + "%";
  }

  /** {@code [lower, upper]} for people. */
  static String interval(double lower, double upper) {
    return "[" + human(lower) + ", " + human(upper) + "]";
  }
}
