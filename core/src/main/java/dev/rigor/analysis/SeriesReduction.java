package dev.rigor.analysis;

import dev.rigor.stats.Series;
import dev.rigor.stats.StepWindow;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A series turned into a scalar: which summary, over which window ({@code --summary auc --window 'last 25%'}).
 *
 * @param windowText the window as the user wrote it ({@code all} for the whole series), for labels
 * @param lastN points averaged by {@link SeriesSummary#LAST_N}
 */
public record SeriesReduction(SeriesSummary summary, StepWindow window, String windowText, int lastN) {

  private static final Pattern LAST = Pattern.compile("last\\s+([0-9]*\\.?[0-9]+)\\s*%");
  private static final Pattern RANGE = Pattern.compile("\\[?\\s*(-?[0-9.eE+-]+)\\s*[:,]\\s*(-?[0-9.eE+-]+)\\s*]?");

  public SeriesReduction {
    if (lastN < 1) {
      throw new IllegalArgumentException("--last-n must be at least 1; got " + lastN);
    }
  }

  /**
   * Parses {@code --summary} and {@code --window}: {@code last 25%}, {@code FROM:TO} (e.g.
   * {@code 100:500}, also {@code [100, 500]}) or {@code all} (also when null).
   */
  public static SeriesReduction parse(String summary, String window, int lastN) throws AnalysisException {
    SeriesSummary s = SeriesSummary.parse(summary);
    if (lastN < 1) {
      throw new AnalysisException("--last-n must be at least 1; got " + lastN);
    }
    String w = window == null ? "all" : window.strip();
    return new SeriesReduction(s, window(w), w, lastN);
  }

  private static StepWindow window(String w) throws AnalysisException {
    if (w.isEmpty() || w.equals("all")) {
      return StepWindow.all();
    }
    try {
      Matcher last = LAST.matcher(w);
      if (last.matches()) {
        return StepWindow.lastFraction(Double.parseDouble(last.group(1)) / 100);
      }
      Matcher range = RANGE.matcher(w);
      if (range.matches()) {
        return StepWindow.range(Double.parseDouble(range.group(1)), Double.parseDouble(range.group(2)));
      }
    } catch (IllegalArgumentException e) {
      throw new AnalysisException("--window '" + w + "': " + e.getMessage());
    }
    throw new AnalysisException("--window '" + w + "': expected 'last 25%', FROM:TO (e.g. 100:500) or all");
  }

  /**
   * {@code auc[all]}, {@code last_10[all]}, {@code auc[last 25%]}: always with its window, so that summary, compare
   * and the report label the same number the same way.
   */
  public String label() {
    String s = summary == SeriesSummary.LAST_N ? "last_" + lastN : summary.text();
    return s + "[" + (window instanceof StepWindow.All ? "all" : windowText) + "]";
  }

  /** The summary of {@code series}; throws IllegalArgumentException when the window does not fit it. */
  public double apply(Series series) {
    return summary.apply(series, window, lastN);
  }
}
