package dev.rigor.spec;

import java.util.Locale;
import java.util.Objects;

/** Equality and display of parameter values (text, integers, numbers, booleans). */
public final class Values {

  private Values() {}

  /** True when {@code a} and {@code b} are the same value; {@code 50} and {@code 50.0} are the same number. */
  public static boolean same(Object a, Object b) {
    return Objects.equals(key(a), key(b));
  }

  /**
   * A key that is equal for values that are {@link #same}: numbers by their double value ({@code 50}
   * and {@code 50.0} alike, {@code -0.0} as {@code 0.0}), anything else as itself. For sets of values.
   */
  public static Object key(Object value) {
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return d == 0 ? 0.0 : d;
    }
    return value;
  }

  /** The value as a command-line argument or CSV cell: integral numbers without a decimal point. */
  public static String text(Object value) {
    if (value instanceof Double d) {
      if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
        return Long.toString(d.longValue());
      }
      return Double.toString(d);
    }
    return String.valueOf(value);
  }

  /** The value for a message: text quoted. */
  public static String display(Object value) {
    return value instanceof String s ? "\"" + s + "\"" : text(value);
  }

  /** Lower-case, for case-insensitive comparisons of names. */
  public static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
