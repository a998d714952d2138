package dev.rigor.metrics;

import java.util.Locale;

/** Typing of metric values read from text: integers, finite numbers, booleans, else text. */
public final class MetricValues {

  private MetricValues() {}

  /** The typed value of a CSV cell or similar text; {@code null} for an empty cell. */
  public static Object parse(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    if (t.isEmpty()) {
      return null;
    }
    if (t.matches("[+-]?\\d{1,18}")) {
      return Long.parseLong(t);
    }
    if (looksNumeric(t)) {
      try {
        double d = Double.parseDouble(t);
        return Double.isFinite(d) ? d : t;
      } catch (NumberFormatException e) {
        return t;
      }
    }
    String lower = t.toLowerCase(Locale.ROOT);
    if (lower.equals("true") || lower.equals("false")) {
      return Boolean.valueOf(lower);
    }
    return t;
  }

  private static boolean looksNumeric(String t) {
    char c = t.charAt(0);
    return Character.isDigit(c) || c == '-' || c == '+' || c == '.';
  }
}
