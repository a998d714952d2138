package dev.rigor.analysis;

import java.util.Locale;

/**
 * {@code power --effect}: the difference to detect, relative to the baseline mean ({@code 5%}) or
 * absolute in the metric's unit ({@code 0.3}).
 *
 * @param value the fraction (0.05 for 5%) or the absolute difference; positive
 */
public record EffectSize(double value, boolean relative) {

  public EffectSize {
    if (!(value > 0) || !Double.isFinite(value)) {
      throw new IllegalArgumentException("the effect must be a positive number; got " + value);
    }
  }

  public static EffectSize parse(String text) throws AnalysisException {
    String t = text.strip();
    boolean relative = t.endsWith("%");
    try {
      double v = Math.abs(Double.parseDouble(relative ? t.substring(0, t.length() - 1).strip() : t));
      return new EffectSize(relative ? v / 100 : v, relative);
    } catch (IllegalArgumentException e) {
      throw new AnalysisException("--effect '" + text + "': expected a relative difference like 5% or an absolute one like 0.3");
    }
  }

  /** The absolute difference for a baseline mean. */
  public double delta(double baselineMean) {
    return relative ? value * Math.abs(baselineMean) : value;
  }

  public String text() {
    return relative ? String.format(Locale.ROOT, "%s%%", trim(value * 100)) : trim(value);
  }

  private static String trim(double d) {
    return ValueText.of(d);
  }
}
