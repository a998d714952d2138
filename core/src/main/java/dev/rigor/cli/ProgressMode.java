package dev.rigor.cli;

import java.util.Locale;

/** How sweep progress is shown: a live bar on a terminal, periodic plain lines elsewhere (CI), or nothing. */
enum ProgressMode {
  BAR,
  PLAIN,
  NONE;

  /**
   * {@code --quiet} wins; then {@code RIGOR_PROGRESS=bar|plain|none}; then a bar when there is an
   * interactive terminal (and not CI), else plain lines.
   */
  static ProgressMode detect(boolean quiet) {
    if (quiet) {
      return NONE;
    }
    String forced = System.getenv("RIGOR_PROGRESS");
    if (forced != null && !forced.isBlank()) {
      try {
        return valueOf(forced.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // ignore a bad value and detect
      }
    }
    boolean ci = System.getenv("CI") != null;
    String term = System.getenv("TERM");
    boolean terminal = System.console() != null && term != null && !term.equals("dumb");
    return terminal && !ci ? BAR : PLAIN;
  }
}
