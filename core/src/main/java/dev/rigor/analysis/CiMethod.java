package dev.rigor.analysis;

import java.util.Locale;

/** The method of an interval compare or summary reports, as its {@code ci_method} column names it. */
public enum CiMethod {
  /** Student t of the mean, or the paired t interval of the mean difference. */
  T("t"),
  /** Welch's t interval of the difference of means, with Welch–Satterthwaite df. */
  WELCH_T("welch-t"),
  /** The Hodges–Lehmann shift with the distribution-free interval that inverts the Wilcoxon test. */
  HODGES_LEHMANN("hodges-lehmann"),
  BCA("bca"),
  PERCENTILE("percentile"),
  BASIC("basic");

  private final String text;

  CiMethod(String text) {
    this.text = text;
  }

  public String text() {
    return text;
  }

  /** How people read it in a header: {@code t}, {@code Welch t}, {@code Hodges–Lehmann}, {@code BCa}… */
  public String human() {
    return switch (this) {
      case T -> "t";
      case WELCH_T -> "Welch t";
      case HODGES_LEHMANN -> "Hodges–Lehmann";
      case BCA -> "BCa";
      default -> name().toLowerCase(Locale.ROOT);
    };
  }

  /** Whether the interval comes from resampling. */
  public boolean bootstrap() {
    return this == BCA || this == PERCENTILE || this == BASIC;
  }

  static CiMethod of(dev.rigor.stats.IntervalMethod m) {
    return switch (m) {
      case BCA -> BCA;
      case PERCENTILE -> PERCENTILE;
      case BASIC -> BASIC;
    };
  }
}
