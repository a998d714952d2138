package dev.rigor.analysis;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Parameter values as text: how they are shown, grouped and selected. Numbers lose trailing zeros
 * (50.0 → 50), so a selector {@code workflows=50} matches a value written 50, 50.0 or 5e1.
 */
public final class ValueText {

  /**
   * Texts of numbers already seen: an experiment has few distinct parameter values but every run
   * holds its own copies, and grouping 100,000 runs would otherwise format each one again.
   */
  private static final Map<Object, String> TEXTS = new ConcurrentHashMap<>();
  /** The same for numeric texts compared by {@link #same} (every run's value against a selector's). */
  private static final Map<String, String> COMPARABLE = new ConcurrentHashMap<>();
  private static final int MAX_REMEMBERED = 1 << 14;

  private ValueText() {}

  /** The text of a parameter value; {@code ""} for null. */
  public static String of(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number) {
      String known = TEXTS.get(value);
      if (known != null) {
        return known;
      }
      String text = format(value);
      if (TEXTS.size() < MAX_REMEMBERED) {
        TEXTS.put(value, text);
      }
      return text;
    }
    return value.toString();
  }

  private static String format(Object value) {
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
    String known = COMPARABLE.get(text);
    if (known != null) {
      return known;
    }
    String c;
    try {
      c = plain(new BigDecimal(t));
    } catch (NumberFormatException e) {
      c = text;
    }
    if (COMPARABLE.size() < MAX_REMEMBERED) {
      COMPARABLE.put(text, c);
    }
    return c;
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
