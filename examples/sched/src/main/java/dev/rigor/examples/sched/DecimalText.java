package dev.rigor.examples.sched;

import java.math.BigDecimal;
import java.util.Locale;

/** Number formatting for output files and messages: always {@link Locale#ROOT}. */
final class DecimalText {
  private DecimalText() {}

  /** Fixed decimals, e.g. {@code fixed(1234.5678, 3)} is {@code 1234.568}. */
  static String fixed(double value, int decimals) {
    return String.format(Locale.ROOT, "%." + decimals + "f", value);
  }

  /** The shortest plain (non-scientific) text: {@code 50.0} is {@code 50}, 0.02 is {@code 0.02}. */
  static String plain(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
