package dev.rigor.analysis;

import java.math.BigDecimal;

/**
 * Parameter values as text: how they are shown, grouped and selected. Numbers lose trailing zeros
 * (50.0 → 50), so a selector {@code workflows=50} matches a value written 50, 50.0 or 5e1.
 */
public final class ValueText {

  private ValueText() {}

  /** The text of a parameter value; {@code ""} for null. */
  public static String of(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Double || value instanceof Float) {
      double d = ((Number) value).doubleValue();
      return Double.isFinite(d) ? plain(BigDecimal.valueOf(d)) : Double.toString(d);
    }
    if (value instanceof Number n) {
      return plain(new BigDecimal(n.toString()));
    }
    return value.toString();
  }

  /** Whether two texts name the same value: numerically when both are numbers, else exactly. */
  public static boolean same(String a, String b) {
    return comparable(a).equals(comparable(b));
  }

  static String comparable(String text) {
    String t = text.strip();
    if (t.isEmpty() || !looksNumeric(t)) {
      return text;
    }
    try {
      return plain(new BigDecimal(t));
    } catch (NumberFormatException e) {
      return text;
    }
  }

  /** Cheap pre-check, so that ordinary text (policy names) never pays for a NumberFormatException. */
  private static boolean looksNumeric(String t) {
    char first = t.charAt(0);
    char last = t.charAt(t.length() - 1);
    return (Character.isDigit(first) || first == '-' || first == '+' || first == '.') && (Character.isDigit(last) || last == '.');
  }

  private static String plain(BigDecimal b) {
    return b.signum() == 0 ? "0" : b.stripTrailingZeros().toPlainString();
  }
}
