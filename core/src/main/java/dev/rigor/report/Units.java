package dev.rigor.report;

import java.util.List;
import java.util.Locale;

/**
 * The unit of a metric, read from the conventional suffix of its name ({@code makespan_p95_ms} → ms,
 * {@code peak_rss_bytes} → bytes); empty when the name does not say. Never guessed beyond that.
 */
public final class Units {

  private record Suffix(String suffix, String unit) {}

  private static final List<Suffix> SUFFIXES = List.of(
      new Suffix("_per_s", "/s"), new Suffix("_ms", "ms"), new Suffix("_us", "µs"), new Suffix("_ns", "ns"),
      new Suffix("_seconds", "s"), new Suffix("_s", "s"), new Suffix("_bytes", "bytes"), new Suffix("_kb", "KB"),
      new Suffix("_mb", "MB"), new Suffix("_gb", "GB"), new Suffix("_usd", "USD"), new Suffix("_pct", "%"),
      new Suffix("_percent", "%"), new Suffix("_j", "J"), new Suffix("_w", "W"));

  private Units() {}

  /** The unit of {@code metric}, or {@code ""}. */
  public static String of(String metric) {
    String m = metric.toLowerCase(Locale.ROOT);
    for (Suffix s : SUFFIXES) {
      if (m.endsWith(s.suffix()) && m.length() > s.suffix().length()) {
        return s.unit();
      }
    }
    return "";
  }

  /** {@code makespan_p95_ms (ms)}, or the bare name when the unit is unknown. */
  public static String label(String metric) {
    String unit = of(metric);
    return unit.isEmpty() ? metric : metric + " (" + unit + ")";
  }
}
