package dev.rigor.analysis;

import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Parameter values as text: how they are shown, grouped and selected. Numbers lose trailing zeros
 * (50.0 → 50), so a selector {@code workflows=50} matches a value written 50, 50.0 or 5e1.
 */
public final class ValueText {

  /**
   * Texts of numbers already seen: an experiment has few distinct parameter values but every run
   * holds its own copies, and grouping 100,000 runs would otherwise format each one again.
   */
  private static final Map<Number, String> TEXTS = new ConcurrentHashMap<>();
  /** The same for numeric texts compared by {@link #same} (every run's value against a selector's). */
  private static final Map<String, String> COMPARABLE = new ConcurrentHashMap<>();
  private static final int MAX_REMEMBERED = 1 << 14;

  private ValueText() {}

  /** The text of a parameter value; {@code ""} for null. */
  public static String of(Object value) {
    if (value == null) {
      return "";
    }
    return value instanceof Number n ? remembered(TEXTS, n, ValueText::format) : value.toString();
  }

  private static String format(Number n) {
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      return Double.isFinite(d) ? plain(BigDecimal.valueOf(d)) : Double.toString(d);
    }
    return plain(new BigDecimal(n.toString()));
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
    return remembered(COMPARABLE, text, k -> {
      try {
        return plain(new BigDecimal(t));
      } catch (NumberFormatException e) {
        return text;
      }
    });
  }

  /** {@code compute(key)}, remembered in {@code memo} while it holds fewer than {@link #MAX_REMEMBERED} entries. */
  private static <K> String remembered(Map<K, String> memo, K key, Function<K, String> compute) {
    String known = memo.get(key);
    if (known != null) {
      return known;
    }
    String text = compute.apply(key);
    if (memo.size() < MAX_REMEMBERED) {
      memo.put(key, text);
    }
    return text;
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
