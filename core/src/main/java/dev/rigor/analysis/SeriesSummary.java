package dev.rigor.analysis;

import dev.rigor.stats.Series;
import dev.rigor.stats.StepWindow;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a series becomes one number per run ({@code --summary}, DESIGN.md §8); each delegates to {@link Series}. */
public enum SeriesSummary {
  /** Trapezoid area over the window divided by its step span: the step-weighted mean ({@link Series#auc}). */
  AUC,
  /** The value at the last step in the window. */
  FINAL,
  MAX,
  MIN,
  /** The plain mean of the points in the window. */
  MEAN,
  /** The mean of the last k points in the window ({@code --last-n}). */
  LAST_N,
  /** The least-squares slope of value on step over the window's points. */
  SLOPE;

  /** The lower-case name used on the command line. */
  public String text() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SeriesSummary parse(String text) throws AnalysisException {
    String t = text.strip().toUpperCase(Locale.ROOT).replace('-', '_');
    try {
      return valueOf(t);
    } catch (IllegalArgumentException e) {
      throw new AnalysisException("--summary '" + text + "': expected one of " + choices());
    }
  }

  public static String choices() {
    return Arrays.stream(values()).map(SeriesSummary::text).collect(Collectors.joining("|"));
  }

  double apply(Series series, StepWindow window, int lastN) {
    return switch (this) {
      case AUC -> series.auc(window);
      case FINAL -> series.within(window).finalValue();
      case MAX -> series.within(window).max();
      case MIN -> series.within(window).min();
      case MEAN -> series.within(window).mean();
      case LAST_N -> series.within(window).meanOfLast(lastN);
      case SLOPE -> series.within(window).slope();
    };
  }
}
