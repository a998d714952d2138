package dev.rigor.analysis;

/**
 * A request the analysis cannot answer as asked — an unknown metric, a selector that matches no run,
 * pairing that was required but is impossible. The message says what is wrong and what exists or how
 * to fix it; the CLI shows it with exit code 2.
 */
public final class AnalysisException extends Exception {
  private static final long serialVersionUID = 1L;

  public AnalysisException(String message) {
    super(message);
  }
}
