package dev.rigor.cli;

import java.util.Locale;

/** Short human durations for the console: {@code 850ms}, {@code 12.3s}, {@code 4m05s}, {@code 2h13m}. */
final class Durations {

  private Durations() {}

  static String format(double seconds) {
    if (seconds < 1) {
      return Math.round(seconds * 1000) + "ms";
    }
    if (seconds < 60) {
      return String.format(Locale.ROOT, "%.1fs", seconds);
    }
    long s = Math.round(seconds);
    if (s < 3600) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
  }
}
